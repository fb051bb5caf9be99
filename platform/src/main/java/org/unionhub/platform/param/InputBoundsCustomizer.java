package org.unionhub.platform.param;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Every {@link LocalDate} and {@link Instant} a request body carries keeps {@link InputBounds}: a check-in "at" of
 * year -1,000,000 used to reach date arithmetic and PostgreSQL and answer 500. Wraps the Java-time deserializers
 * (their formats and settings stay as they are) and refuses out-of-range values with the field named.
 */
@Singleton
public class InputBoundsCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("unionhub-input-bounds").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription desc, JsonDeserializer<?> deserializer) {
                Class<?> type = desc.getBeanClass();
                return type == LocalDate.class || type == Instant.class ? new Bounded(deserializer) : deserializer;
            }
        }));
    }

    /** Runs the usual deserializer, then checks the bounds. */
    static final class Bounded extends DelegatingDeserializer {

        Bounded(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Bounded(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof LocalDate d && (d.isBefore(InputBounds.MIN_DATE) || d.isAfter(InputBounds.MAX_DATE))) {
                throw new OutOfBoundsException(p, "must be a date between " + InputBounds.MIN_DATE + " and " + InputBounds.MAX_DATE, LocalDate.class);
            }
            if (value instanceof Instant i && (i.isBefore(InputBounds.MIN_INSTANT) || i.isAfter(InputBounds.MAX_INSTANT))) {
                throw new OutOfBoundsException(p, "must be a time between " + InputBounds.MIN_INSTANT + " and "
                        + InputBounds.MAX_DATE + "T23:59:59Z", Instant.class);
            }
            return value;
        }
    }
}
