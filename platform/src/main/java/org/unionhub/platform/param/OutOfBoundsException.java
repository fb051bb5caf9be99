package org.unionhub.platform.param;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A date or time in a request body outside {@link InputBounds}. Jackson adds the field's path as the exception travels
 * up, so the problem names the field.
 */
public class OutOfBoundsException extends MismatchedInputException {

    private final String reason;

    OutOfBoundsException(JsonParser parser, String reason, Class<?> type) {
        super(parser, reason, type);
        this.reason = reason;
    }

    /** What is wrong with the value, e.g. "must be a date between 1900-01-01 and 2100-12-31". */
    public String reason() {
        return reason;
    }
}
