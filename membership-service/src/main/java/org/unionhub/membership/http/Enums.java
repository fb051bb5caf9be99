package org.unionhub.membership.http;

import org.unionhub.platform.problem.ProblemException;

import java.util.Arrays;
import java.util.Locale;

/**
 * Enum fields of request bodies arrive as strings and are parsed here: an unknown value must be a 400 that
 * names the field and lists the allowed values, which the JSON reader's own failure does not give.
 */
public final class Enums {

    private Enums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "is required");
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
