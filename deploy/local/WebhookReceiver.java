// A partner's webhook endpoint for the smoke run and the webhook benchmark, on loopback only.
// Run as a single-file program:  java deploy/local/WebhookReceiver.java PORT LOGFILE
//   /ok/...     answers 204
//   /flaky/...  answers 500 to the first three attempts of each webhook-id, then 204
// Every request is appended to LOGFILE as one tab-separated line:
//   receivedAtMillis  path  status  webhook-id  webhook-timestamp  webhook-signature  base64(body)
// (the caller verifies the signature itself: this program knows no secret).
import com.sun.net.httpserver.HttpServer;

import java.io.FileWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

public class WebhookReceiver {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        PrintWriter log = new PrintWriter(new FileWriter(args[1], true), true);
        ConcurrentHashMap<String, AtomicInteger> tries = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String id = String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id"));
            int status = 204;
            if (path.startsWith("/flaky")) {
                status = tries.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() <= 3 ? 500 : 204;
            }
            synchronized (log) {
                log.println(System.currentTimeMillis() + "\t" + path + "\t" + status + "\t" + id + "\t"
                        + exchange.getRequestHeaders().getFirst("webhook-timestamp") + "\t"
                        + exchange.getRequestHeaders().getFirst("webhook-signature") + "\t"
                        + Base64.getEncoder().encodeToString(body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.out.println("RECEIVER READY on 127.0.0.1:" + port);
    }
}
