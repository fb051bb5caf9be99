package org.unionhub.gateway.problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem+json as the services write it (type https://unionhub.org/problems/&lt;slug&gt;),
 * small and dependency-free because the gateway does not use the platform library.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://unionhub.org/problems/";
    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    public static JsonObject problem(String slug, String title, int status, String detail, String instance) {
        JsonObject p = new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            p.put("instance", instance);
        }
        return p;
    }

    public static Buffer body(String slug, String title, int status, String detail, String instance) {
        return problem(slug, title, status, detail, instance).toBuffer();
    }

    /** Ends the exchange with a problem; the caller adds any extra headers first. */
    public static void send(RoutingContext ctx, String slug, String title, int status, String detail) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", CONTENT_TYPE)
                .end(body(slug, title, status, detail, ctx.request().path()));
    }
}
