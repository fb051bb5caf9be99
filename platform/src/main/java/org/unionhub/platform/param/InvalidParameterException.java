package org.unionhub.platform.param;

import jakarta.ws.rs.BadRequestException;

/**
 * A path, query or header parameter that cannot be read or is out of bounds. It is a
 * {@link jakarta.ws.rs.WebApplicationException} on purpose: Quarkus REST passes those through from a parameter
 * converter unchanged, while any other failure there becomes a bare 404 (path and query) that names nothing.
 * {@code ProblemMappers} answers it as a 400 problem naming {@link #parameter()}.
 */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;
    private final String reason;

    public InvalidParameterException(String parameter, String reason) {
        super(parameter + ": " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    public String parameter() { return parameter; }

    public String reason() { return reason; }
}
