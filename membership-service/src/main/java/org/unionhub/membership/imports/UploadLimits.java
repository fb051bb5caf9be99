package org.unionhub.membership.imports;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Body limits per route: {@code quarkus.http.limits.max-body-size} (small) for every endpoint, the import's own
 * {@code unionhub.import.max-body-size} (64 MiB) for {@code POST /api/v1/member-imports} only, whose body the
 * resource streams to disk and counts itself. Quarkus has a single, global limit (a route at order
 * {@value RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}); these two routes around it hide the import's declared length
 * from it and give it back afterwards. A declared length over the limit is refused here as problem+json
 * (Quarkus would answer an empty 413); an undeclared (chunked) body is counted while it is read.
 */
@ApplicationScoped
public class UploadLimits {

    static final String IMPORT_PATH = "/api/v1/member-imports";
    private static final String HIDDEN_LENGTH = "unionhub.import.content-length";
    private static final String MAX_REQUEST_SIZE = "io.quarkus.max-request-size";

    private final long globalLimit;
    private final long importLimit;

    public UploadLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize globalLimit,
                        @ConfigProperty(name = "unionhub.import.max-body-size", defaultValue = "64M") MemorySize importLimit) {
        this.globalLimit = globalLimit.asLongValue();
        this.importLimit = importLimit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::before);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::after);
    }

    static boolean isImport(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.POST && IMPORT_PATH.equals(ctx.normalizedPath());
    }

    private void before(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean upload = isImport(ctx);
        long limit = upload ? importLimit : globalLimit;
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > limit) {
                tooLarge(ctx, limit);
                return;
            }
            if (upload) {
                ctx.put(HIDDEN_LENGTH, length);
                ctx.request().headers().remove(HttpHeaders.CONTENT_LENGTH);
            }
        }
        ctx.next();
    }

    private void after(RoutingContext ctx) {
        if (isImport(ctx)) {
            String length = ctx.get(HIDDEN_LENGTH);
            if (length != null) {
                ctx.request().headers().set(HttpHeaders.CONTENT_LENGTH, length);
            }
            // the resource counts the streamed body against the import's own limit (ImportUpload)
            ctx.remove(MAX_REQUEST_SIZE);
        }
        ctx.next();
    }

    private static void tooLarge(RoutingContext ctx, long limit) {
        String body = "{\"type\":\"https://unionhub.org/problems/payload-too-large\",\"title\":\"Payload too large\",\"status\":413,"
                + "\"detail\":\"the request body is larger than " + limit + " bytes\",\"instance\":\"" + ctx.normalizedPath()
                .replace("\\", "").replace("\"", "") + "\",\"maxBytes\":" + limit + "}";
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
