package org.unionhub.platform.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import java.io.IOException;

/** Every JSON string read into a {@code String} passes {@link TextRule}: refused with the field named, or normalised. */
public final class TextDeserializer extends StdScalarDeserializer<String> {

    public TextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        // Jackson's own rules for what may become a String (numbers, booleans, null) stay as they are
        String text = p.hasToken(JsonToken.VALUE_STRING) ? p.getText() : StringDeserializer.instance.deserialize(p, ctxt);
        if (text == null) {
            return null;
        }
        var violation = TextRule.violation(text);
        if (violation.isPresent()) {
            throw new InvalidTextException(p, violation.get());
        }
        return TextRule.normalize(text);
    }
}
