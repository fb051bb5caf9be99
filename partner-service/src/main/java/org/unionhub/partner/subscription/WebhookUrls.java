package org.unionhub.partner.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.unionhub.platform.problem.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A webhook URL must be https: a partner's data and the signature travel in it. The development and test profiles
 * also accept http to localhost (a receiver on the developer's machine), nothing else.
 */
@ApplicationScoped
public class WebhookUrls {

    private final boolean allowHttpLocalhost;

    public WebhookUrls(@ConfigProperty(name = "partner.webhooks.allow-http-localhost", defaultValue = "false") boolean allowHttpLocalhost) {
        this.allowHttpLocalhost = allowHttpLocalhost;
    }

    public URI check(String field, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid(field, "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
            throw ProblemException.invalid(field, "must be an absolute URL with a host, no user info and no fragment");
        }
        if (scheme.equals("https")) {
            return uri;
        }
        if (scheme.equals("http") && allowHttpLocalhost && isLocalhost(uri.getHost())) {
            return uri;
        }
        throw ProblemException.invalid(field, allowHttpLocalhost ? "must be https (or http://localhost in development)" : "must be https");
    }

    static boolean isLocalhost(String host) {
        return host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }
}
