package org.unionhub.platform.param;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.unionhub.platform.text.TextRule;

import java.util.List;
import java.util.Map;

/**
 * The text rule for path and query parameters: Quarkus REST hands a {@code String} parameter to the resource without
 * asking {@link ParameterConverters}, so a NUL in {@code /cards/%00/block} reached PostgreSQL (which refuses it: a
 * 500). Checked once here, after matching, for every decoded path and query value: a 400 naming the parameter.
 */
public class ParameterTextCheck {

    @ServerRequestFilter
    public void check(UriInfo uri) {
        check(uri.getPathParameters(true));
        check(uri.getQueryParameters(true));
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            for (String value : p.getValue()) {
                if (value != null) {
                    TextRule.violation(value).ifPresent(reason -> {
                        throw new InvalidParameterException(p.getKey(), reason);
                    });
                }
            }
        }
    }
}
