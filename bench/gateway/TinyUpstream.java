import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The smallest useful upstream for the gateway benchmark: answers every request with a fixed small
 * JSON body, on Vert.x (the JDK's own HttpServer adds ~40 ms per call through Nagle and delayed
 * ACKs, which would hide the gateway). Single-file program, Vert.x from the gateway's libraries:
 * {@code java -cp 'gateway/target/quarkus-app/lib/main/*' TinyUpstream.java PORT}.
 */
public class TinyUpstream {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Buffer body = Buffer.buffer("{\"items\":[{\"code\":\"HARDSHIP\",\"name\":\"困难职工帮扶\"}],\"nextCursor\":null}");
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true))
                .requestHandler(req -> req.response().putHeader("Content-Type", "application/json").end(body))
                .listen(port, "127.0.0.1")
                .onSuccess(s -> System.out.println("tiny upstream on " + port))
                .onFailure(e -> { e.printStackTrace(); System.exit(1); });
    }
}
