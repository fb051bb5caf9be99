package org.unionhub.venue.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.unionhub.venue.booking.BookingEvents;
import org.unionhub.venue.checkin.Checkins;
import org.unionhub.venue.subsidy.SubsidyEvents;
import org.unionhub.venue.site.VenueEvents;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type the service publishes has a schema, and the schema promises only fields the data record has. */
class EventSchemaTest {

    private static final Map<String, Class<? extends Record>> EVENTS = new LinkedHashMap<>();

    static {
        EVENTS.put(VenueEvents.OPENED, VenueEvents.VenueOpened.class);
        EVENTS.put(VenueEvents.CLOSED, VenueEvents.VenueClosed.class);
        EVENTS.put(BookingEvents.CONFIRMED, BookingEvents.BookingChanged.class);
        EVENTS.put(BookingEvents.CANCELLED, BookingEvents.BookingChanged.class);
        EVENTS.put(BookingEvents.PROMOTED, BookingEvents.BookingChanged.class);
        EVENTS.put(Checkins.RECORDED, Checkins.CheckinRecorded.class);
        EVENTS.put(SubsidyEvents.GRADED, SubsidyEvents.EvaluationGraded.class);
        EVENTS.put(SubsidyEvents.AWARDED, SubsidyEvents.SubsidyAwarded.class);
        EVENTS.put(SubsidyEvents.PAID, SubsidyEvents.SubsidyPaid.class);
    }

    @Test
    void eachEventTypeHasASchemaMatchingItsData() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(EVENTS).hasSize(9);
        for (Map.Entry<String, Class<? extends Record>> e : EVENTS.entrySet()) {
            assertThat(e.getKey()).matches("org\\.unionhub\\.venue\\.[a-z]+\\.[a-z]+\\.v1");
            try (InputStream in = getClass().getResourceAsStream("/events/" + e.getKey() + ".json")) {
                assertThat(in).as("schema of " + e.getKey()).isNotNull();
                JsonNode schema = json.readTree(in);
                Set<String> fields = Arrays.stream(e.getValue().getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
                Set<String> properties = iterable(schema.get("properties").fieldNames());
                assertThat(fields).as("fields of " + e.getKey()).isEqualTo(properties);
                schema.get("required").forEach(r -> assertThat(fields).as("required by " + e.getKey()).contains(r.asText()));
                assertThat(properties).doesNotContain("phone", "idNumber", "residentIdNumber");
            }
        }
    }

    private static Set<String> iterable(java.util.Iterator<String> it) {
        Set<String> s = new java.util.HashSet<>();
        it.forEachRemaining(s::add);
        return s;
    }
}
