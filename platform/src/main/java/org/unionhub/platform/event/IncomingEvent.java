package org.unionhub.platform.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A CloudEvent read from Kafka (binary mode), its JSON data parsed. */
public record IncomingEvent(UUID id, String type, String source, String subject, OffsetDateTime time, JsonNode data) {

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
        return new IncomingEvent(id, event.getType(), event.getSource().toString(), event.getSubject(), event.getTime(), data);
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
