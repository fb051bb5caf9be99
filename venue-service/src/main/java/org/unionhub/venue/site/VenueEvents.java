package org.unionhub.venue.site;

import org.unionhub.platform.event.EventTypes;

import java.time.LocalDate;
import java.util.UUID;

/** What the venue feature announces on {@code venue.v1}; schemas under {@code events/}. */
public final class VenueEvents {

    public static final String TOPIC = "venue.v1";
    public static final String OPENED = EventTypes.type("venue", "venue", "opened", 1);
    public static final String CLOSED = EventTypes.type("venue", "venue", "closed", 1);

    public record VenueOpened(UUID venueId, String name, String kind, String level, UUID parentVenueId,
                              UUID organizationId, double lat, double lon, LocalDate openedOn, String actor) {
    }

    public record VenueClosed(UUID venueId, UUID organizationId, LocalDate closedOn, String reason, String actor) {
    }

    private VenueEvents() {
    }
}
