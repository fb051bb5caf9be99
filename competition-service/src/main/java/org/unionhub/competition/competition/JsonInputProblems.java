package org.unionhub.competition.competition;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.unionhub.platform.problem.FieldError;
import org.unionhub.platform.problem.Problem;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * quarkus-rest-jackson's own mapper for {@link MismatchedInputException} (an unknown enum value, a
 * string where a number belongs) wins over the platform's JsonProcessingException mapper and answers
 * plain JSON; this one answers problem+json naming the field, as every other bad input.
 * A platform-wide fix belongs in platform/problem/ProblemMappers.
 */
public class JsonInputProblems {

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = path(e.getPath());
        String message = e instanceof InvalidFormatException f
                ? "cannot take the value " + f.getValue() + (f.getTargetType() != null && f.getTargetType().isEnum()
                ? " (allowed: " + Arrays.stream(f.getTargetType().getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ")) + ")"
                : "")
                : "has the wrong type or shape";
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, field + " " + message,
                        uri == null ? null : uri.getPath(), List.of(new FieldError(field, message)), null))
                .build();
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }
}
