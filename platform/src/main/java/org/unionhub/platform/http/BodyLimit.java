package org.unionhub.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.unionhub.platform.problem.Problem;

/**
 * A request whose declared Content-Length exceeds {@code quarkus.http.limits.max-body-size} is refused with a 413
 * problem+json before anything reads it. Quarkus refuses it too, but with an empty body that names nothing; this
 * route runs just before that check (a chunked body without a length is still cut off by Quarkus itself).
 */
@ApplicationScoped
public class BodyLimit {

    /** Before Quarkus' own upload-limit route (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT = -2). */
    private static final int ORDER = -10;

    void install(@Observes Router router) {
        long max = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(-1L);
        if (max <= 0) {
            return;
        }
        // "METHOD /path" of routes that apply a larger limit of their own (membership's import: imports/UploadLimits)
        java.util.Set<String> exempt = java.util.Set.copyOf(ConfigProvider.getConfig()
                .getOptionalValues("unionhub.http.body-limit.exempt", String.class).orElse(java.util.List.of()));
        router.route().order(ORDER).handler(ctx -> {
            if (exempt.contains(ctx.request().method().name() + " " + ctx.normalizedPath())) {
                ctx.next();
                return;
            }
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length, max)) {
                JsonObject problem = new JsonObject()
                        .put("type", Problem.TYPE_BASE + "payload-too-large")
                        .put("title", "Payload Too Large")
                        .put("status", 413)
                        .put("detail", "the request body is larger than " + max + " bytes")
                        .put("instance", ctx.request().path());
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problem.encode());
                return;
            }
            ctx.next();
        });
    }

    private static boolean tooLarge(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
