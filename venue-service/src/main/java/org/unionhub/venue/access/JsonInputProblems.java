package org.unionhub.venue.access;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.unionhub.platform.problem.ProblemMappers;

/**
 * Quarkus REST answers a MismatchedInputException (an unknown enum value, a string where a number belongs) with
 * its own built-in mapper, which is closer to the exception than the platform's JsonProcessingException mapper
 * and gives a 400 without naming the field. This hands it to the platform's mapper so that the client learns
 * which field is wrong. (Belongs in the platform; see the report.)
 */
public class JsonInputProblems {

    private final ProblemMappers platform = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return platform.unreadableJson(e, uri);
    }
}
