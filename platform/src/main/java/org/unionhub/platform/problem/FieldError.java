package org.unionhub.platform.problem;

/** One invalid field of a request: {@code field} is the JSON path the client sent. */
public record FieldError(String field, String message) {
}
