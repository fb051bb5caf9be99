package org.unionhub.platform.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Puts {@link TextDeserializer} in place of Jackson's String deserializer in every service's request bodies. */
@Singleton
public class TextRuleCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("unionhub-text-rule").addDeserializer(String.class, new TextDeserializer()));
    }
}
