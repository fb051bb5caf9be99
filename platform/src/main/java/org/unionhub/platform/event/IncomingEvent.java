package org.unionhub.platform.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudEvent read from Kafka (binary mode), its JSON data parsed.
 *
 * @param traceId the W3C trace id of the record's {@code traceparent} header (the request that wrote the event), or null
 */
public record IncomingEvent(UUID id, String type, String source, String subject, OffsetDateTime time, JsonNode data,
                            String traceId) {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

    public IncomingEvent(UUID id, String type, String source, String subject, OffsetDateTime time, JsonNode data) {
        this(id, type, source, subject, time, data, null);
    }

    /**
     * Reads the {@code ce_*} headers and the JSON value of a record.
     *
     * @throws MalformedEventException when the record is not a CloudEvent this platform can read
     */
    public static IncomingEvent from(ConsumerRecord<String, byte[]> record, ObjectMapper json) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new MalformedEventException("not a CloudEvent: " + e.getMessage());
        }
        UUID id;
        try {
            id = UUID.fromString(event.getId());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event id is not a UUID: " + event.getId());
        }
        JsonNode data;
        try {
            data = event.getData() == null ? json.createObjectNode() : json.readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new MalformedEventException("event data is not JSON: " + e.getMessage());
        }
        return new IncomingEvent(id, event.getType(), event.getSource().toString(), event.getSubject(), event.getTime(), data,
                traceId(record));
    }

    private static String traceId(ConsumerRecord<String, byte[]> record) {
        Header h = record.headers().lastHeader("traceparent");
        if (h == null || h.value() == null) {
            return null;
        }
        Matcher m = TRACEPARENT.matcher(new String(h.value(), StandardCharsets.US_ASCII).trim());
        return m.matches() && !m.group(1).equals("0".repeat(32)) ? m.group(1) : null;
    }

    /** True when the type names this aggregate and verb, whatever the major version. */
    public boolean is(String typeWithoutVersion) {
        return type.startsWith(typeWithoutVersion + ".v");
    }

    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
