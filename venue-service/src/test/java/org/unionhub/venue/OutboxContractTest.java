package org.unionhub.venue;

import org.unionhub.infra.contract.OutboxContract;
import org.unionhub.venue.booking.BookingEvents;
import org.unionhub.venue.checkin.Checkins;
import org.unionhub.venue.site.VenueEvents;
import org.unionhub.venue.subsidy.SubsidyEvents;

import java.util.Map;

/**
 * Runs after every @QuarkusTest of this module (a plain JUnit class: Quarkus' class orderer puts those last): each
 * event the suite wrote to the outbox matches the schema of its type in src/main/resources/events, each schema
 * there is a type the suite wrote, and each schema describes exactly the record its data is written from.
 */
class OutboxContractTest extends OutboxContract {

    @Override
    protected String service() {
        return "venue";
    }

    @Override
    protected Map<String, Class<? extends Record>> dataRecords() {
        return Map.of(
                VenueEvents.OPENED, VenueEvents.VenueOpened.class,
                VenueEvents.CLOSED, VenueEvents.VenueClosed.class,
                BookingEvents.CONFIRMED, BookingEvents.BookingChanged.class,
                BookingEvents.CANCELLED, BookingEvents.BookingChanged.class,
                BookingEvents.PROMOTED, BookingEvents.BookingChanged.class,
                Checkins.RECORDED, Checkins.CheckinRecorded.class,
                SubsidyEvents.GRADED, SubsidyEvents.EvaluationGraded.class,
                SubsidyEvents.AWARDED, SubsidyEvents.SubsidyAwarded.class,
                SubsidyEvents.PAID, SubsidyEvents.SubsidyPaid.class);
    }
}
