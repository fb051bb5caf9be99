package org.unionhub.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.unionhub.platform.param.InvalidParameterException;
import org.unionhub.platform.param.OutOfBoundsException;
import org.unionhub.platform.text.InvalidTextException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns every failure into RFC 9457 problem+json: field names for bad input, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + e.slug(), e.title(), e.status(), e.getMessage(),
                path(uri), e.errors(), e.extensions().isEmpty() ? null : Map.copyOf(e.extensions())));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail, path(uri), errors, null));
    }

    /**
     * Quarkus REST maps Jackson's MismatchedInputException (wrong type, unknown enum value) itself;
     * this more specific mapper keeps the field name in the problem.
     */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = "body";
        String message = "is not valid JSON";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = jsonPath(m.getPath());
            message = e instanceof InvalidTextException t ? t.reason()
                    : e instanceof OutOfBoundsException b ? b.reason()
                    : e instanceof InvalidFormatException f
                    ? "cannot take the value " + f.getValue() + (f.getTargetType().isEnum() ? " (allowed: " + enumValues(f.getTargetType()) + ")" : "")
                    : "has the wrong type or shape";
        }
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, field + " " + message,
                path(uri), List.of(new FieldError(field, message)), null));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "your role does not allow this", path(uri), null, null));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "concurrent-change", "Conflict", 409,
                "someone else changed this at the same time; read it again and retry", path(uri), null, null));
    }

    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "duplicate", "Conflict", 409,
                "this would duplicate an existing record", path(uri), null, null));
    }

    /** A path, query or header parameter that is malformed or out of bounds (platform {@code param/}). */
    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400,
                e.parameter() + ": " + e.reason(), path(uri), List.of(new FieldError(e.parameter(), e.reason())), null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406, 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        String detail = status == 400 ? "the request could not be read" : title;
        return respond(new Problem(Problem.TYPE_BASE + slug, title, status, detail, path(uri), null, null));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        var trouble = DatabaseTrouble.of(e);
        if (trouble.isPresent()) {
            return databaseTrouble(trouble.get(), e, uri);
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", correlationId, path(uri));
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "something went wrong on our side; quote " + correlationId + " when reporting it",
                path(uri), null, Map.of("correlationId", correlationId)));
    }

    /**
     * The database is down, busy or too slow: the client gets a 503 with Retry-After (or a 409 for a lost
     * serialization race) instead of "internal"; the operator a one-line warning, not a stack trace per request.
     */
    private static Response databaseTrouble(DatabaseTrouble.Kind kind, Throwable e, UriInfo uri) {
        LOG.warnf("database trouble (%s) on %s: %s", kind, path(uri), rootMessage(e));
        Response.ResponseBuilder r = Response.status(kind.status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + kind.slug, kind.title, kind.status, kind.detail, path(uri), null, null));
        if (kind.retryAfterSeconds > 0) {
            r.header("Retry-After", kind.retryAfterSeconds);
        }
        return r.build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(new Problem(Problem.TYPE_BASE + "unauthenticated", "Unauthorized", 401,
                        "a valid bearer token is required", path(uri), null, null)).build();
    }

    private static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /**
     * Bean validation paths look like {@code join.request.name}: the method, the parameter, then the
     * field. Clients know only {@code name}; a query parameter ({@code list.limit}) keeps its name.
     */
    static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.CONSTRUCTOR) {
                nodes.add(node);
            }
        }
        if (nodes.size() > 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
            nodes.remove(0);
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getIndex() != null && !field.isEmpty()) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null && !field.isEmpty()) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null) {
                if (!field.isEmpty()) field.append('.');
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String jsonPath(List<JsonMappingException.Reference> refs) {
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

    private static String enumValues(Class<?> type) {
        Object[] constants = type.getEnumConstants();
        StringBuilder sb = new StringBuilder();
        for (Object c : constants) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(c);
        }
        return sb.toString();
    }
}
