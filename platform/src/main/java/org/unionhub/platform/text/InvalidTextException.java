package org.unionhub.platform.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string that breaks the platform's text rule ({@link TextRule}). Jackson adds the field's path as the exception
 * travels up, so the problem names the field; the message names the rule, never the value (it may be personal data).
 */
public class InvalidTextException extends MismatchedInputException {

    private final String reason;

    InvalidTextException(JsonParser parser, String reason) {
        super(parser, reason, String.class);
        this.reason = reason;
    }

    /** What is wrong with the text, e.g. "contains a control character (U+0000)". */
    public String reason() {
        return reason;
    }
}
