package org.unionhub.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the client should understand: thrown by domain rules and use cases, answered as
 * problem+json by {@link ProblemMappers}. Build one with the factory methods so that types stay
 * stable: {@code https://unionhub.org/problems/<slug>}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    /** 400: one field of the request is wrong. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    /** 404: there is no such thing (or the caller may not know it exists). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", "no " + what + " " + id);
    }

    /** 409: the state of the resource does not allow it, or it would duplicate another. */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }

    /** 422: a business rule refuses it (cap exceeded, member not active). */
    public static ProblemException rule(String slug, String detail) {
        return new ProblemException(422, slug, "Refused by a business rule", detail);
    }

    /** 403: the caller is known but may not do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    /** 412: the If-Match version is stale. */
    public static ProblemException stale(String detail) {
        return new ProblemException(412, "stale-version", "Precondition failed", detail);
    }

    /** Adds a member to the problem body, e.g. the current status of a resource. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public int status() { return status; }

    public String slug() { return slug; }

    public String title() { return title; }

    public List<FieldError> errors() { return errors; }

    public Map<String, Object> extensions() { return extensions; }
}
