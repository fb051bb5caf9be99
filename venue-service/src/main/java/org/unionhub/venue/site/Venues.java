package org.unionhub.venue.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.unionhub.platform.http.ETags;
import org.unionhub.platform.outbox.Outbox;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.venue.geo.CoordSystem;
import org.unionhub.venue.geo.LatLon;
import org.unionhub.venue.site.VenueBodies.CloseVenue;
import org.unionhub.venue.site.VenueBodies.CreateVenue;
import org.unionhub.venue.site.VenueBodies.Location;
import org.unionhub.venue.site.VenueBodies.PatchVenue;
import org.unionhub.venue.site.VenueBodies.VenueResponse;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Venue use cases, each in the caller's transaction with the events it publishes. */
@ApplicationScoped
public class Venues {

    private static final TypeReference<Map<DayOfWeek, List<OpeningHours.Period>>> SCHEDULE = new TypeReference<>() {
    };

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    ObjectMapper json;
    @Inject
    BusinessClock clock;

    public static Venue require(UUID id) {
        Venue v = Venue.<Venue>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("venue", id));
        return v;
    }

    /** The venue, locked until the transaction ends (activities of one venue are created one at a time). */
    public Venue lock(UUID id) {
        Venue v = em.find(Venue.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (v == null) {
            throw ProblemException.notFound("venue", id);
        }
        return v;
    }

    /**
     * @param authorizeParent called with the parent venue and its organization before the venue is attached to it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Venue create(CreateVenue r, CoordSystem coords, String actor, BiConsumer<UUID, UUID> authorizeParent) {
        Venue v = new Venue();
        v.id = UUID.randomUUID();
        v.name = r.name();
        v.kind = r.kind();
        v.level = r.level();
        v.organizationId = r.organizationId();
        v.address = r.address();
        LatLon wgs = coords.toWgs84(LatLon.checked("location", r.location().lat(), r.location().lon()));
        v.lat = wgs.lat();
        v.lon = wgs.lon();
        v.areaSqm = r.areaSqm() == null ? null : r.areaSqm().setScale(2);
        v.amenities = amenities(r.amenities());
        OpeningHours hours = OpeningHours.of("openingHours", r.openingHours());
        v.openingHours = write(hours.days());
        v.operatingModel = r.operatingModel();
        v.openedOn = r.openedOn() == null ? clock.today() : r.openedOn();
        v.allowOverlappingActivities = Boolean.TRUE.equals(r.allowOverlappingActivities());
        v.status = Venue.Status.OPEN;
        v.createdBy = actor;
        v.createdAt = clock.now();
        if (r.parentVenueId() != null) {
            Venue parent = requireParent(r.parentVenueId());
            authorizeParent.accept(parent.id, parent.organizationId);
            v.parentVenueId = parent.id;
            v.path = NetworkPath.of(parent.path, v.id);
        } else {
            v.path = NetworkPath.of(null, v.id);
        }
        v.persist();
        replaceIntervals(v.id, hours);
        outbox.publish(VenueEvents.TOPIC, VenueEvents.OPENED, v.id, new VenueEvents.VenueOpened(v.id, v.name,
                v.kind.name(), v.level.name(), v.parentVenueId, v.organizationId, v.lat, v.lon, v.openedOn, actor));
        return v;
    }

    /**
     * @param authorize       called with every organization the change touches (the venue's and a new one)
     * @param authorizeParent called with a new parent venue and its organization before the venue moves under it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Venue update(UUID id, PatchVenue r, Long expectedVersion, CoordSystem coords, String actor, Consumer<UUID> authorize,
                        BiConsumer<UUID, UUID> authorizeParent) {
        Venue v = require(id);
        authorize.accept(v.organizationId);
        ETags.check(expectedVersion, v.version, "venue " + id);
        boolean moves = r.parentVenueId() != null && !r.parentVenueId().equals(v.parentVenueId);
        if (moves && !Boolean.TRUE.equals(r.detachFromParent())) {
            Venue parent = requireParent(r.parentVenueId());
            authorizeParent.accept(parent.id, parent.organizationId);
        }
        // first, while the entity has no pending changes: moving refreshes it from the database
        if (Boolean.TRUE.equals(r.detachFromParent())) {
            if (r.parentVenueId() != null) {
                throw ProblemException.invalid("detachFromParent", "cannot be combined with parentVenueId");
            }
            move(v, null);
        } else if (r.parentVenueId() != null && !r.parentVenueId().equals(v.parentVenueId)) {
            move(v, r.parentVenueId());
        }
        if (r.organizationId() != null && !r.organizationId().equals(v.organizationId)) {
            authorize.accept(r.organizationId());
            v.organizationId = r.organizationId();
        }
        if (r.name() != null) v.name = r.name();
        if (r.kind() != null) v.kind = r.kind();
        if (r.level() != null) v.level = r.level();
        if (r.address() != null) v.address = r.address();
        if (r.location() != null) {
            LatLon wgs = coords.toWgs84(LatLon.checked("location", r.location().lat(), r.location().lon()));
            v.lat = wgs.lat();
            v.lon = wgs.lon();
        }
        if (r.areaSqm() != null) v.areaSqm = r.areaSqm().setScale(2);
        if (r.amenities() != null) v.amenities = amenities(r.amenities());
        if (r.openingHours() != null) {
            OpeningHours hours = OpeningHours.of("openingHours", r.openingHours());
            v.openingHours = write(hours.days());
            replaceIntervals(v.id, hours);
        }
        if (r.operatingModel() != null) v.operatingModel = r.operatingModel();
        if (r.openedOn() != null) v.openedOn = r.openedOn();
        if (r.allowOverlappingActivities() != null) v.allowOverlappingActivities = r.allowOverlappingActivities();
        v.updatedBy = actor;
        v.updatedAt = clock.now();
        return v;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Venue close(UUID id, CloseVenue r, String actor, Consumer<UUID> authorize) {
        Venue v = lock(id);
        authorize.accept(v.organizationId);
        if (v.status == Venue.Status.CLOSED) {
            throw ProblemException.conflict("venue-closed", "venue " + id + " is already closed").with("currentStatus", v.status);
        }
        v.status = Venue.Status.CLOSED;
        v.closedOn = r.closedOn() == null ? clock.today() : r.closedOn();
        v.closedReason = r.reason();
        v.updatedBy = actor;
        v.updatedAt = clock.now();
        outbox.publish(VenueEvents.TOPIC, VenueEvents.CLOSED, v.id,
                new VenueEvents.VenueClosed(v.id, v.organizationId, v.closedOn, v.closedReason, actor));
        return v;
    }

    /** Re-roots the venue's subtree; one move at a time so two concurrent moves cannot build a cycle together. */
    private void move(Venue v, UUID newParentId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('venue-network'))").getSingleResult();
        String newPath;
        if (newParentId == null) {
            newPath = NetworkPath.of(null, v.id);
        } else {
            Venue parent = requireParent(newParentId);
            em.refresh(parent);
            NetworkPath.requireAcyclic(v.id, parent.id, parent.path);
            newPath = NetworkPath.of(parent.path, v.id);
        }
        em.refresh(v);
        String oldPath = v.path;
        em.flush();
        em.createNativeQuery("UPDATE venue SET path = ?1 || substring(path from ?2) WHERE path LIKE ?3")
                .setParameter(1, newPath).setParameter(2, oldPath.length() + 1).setParameter(3, oldPath + "%")
                .executeUpdate();
        em.refresh(v);
        v.parentVenueId = newParentId;
    }

    private static Venue requireParent(UUID parentVenueId) {
        Venue parent = Venue.findById(parentVenueId);
        if (parent == null) {
            throw ProblemException.invalid("parentVenueId", "no venue " + parentVenueId);
        }
        return parent;
    }

    private void replaceIntervals(UUID venueId, OpeningHours hours) {
        em.createNativeQuery("DELETE FROM venue_open_interval WHERE venue_id = ?1").setParameter(1, venueId).executeUpdate();
        for (OpeningHours.WeekInterval i : hours.intervals()) {
            em.createNativeQuery("INSERT INTO venue_open_interval (venue_id, start_minute, end_minute) VALUES (?1, ?2, ?3)")
                    .setParameter(1, venueId).setParameter(2, i.startMinute()).setParameter(3, i.endMinute())
                    .executeUpdate();
        }
    }

    private static String[] amenities(List<Amenity> list) {
        return list == null ? new String[0] : list.stream().distinct().map(Enum::name).sorted().toArray(String[]::new);
    }

    public OpeningHours hours(Venue v) {
        try {
            return OpeningHours.of("openingHours", json.readValue(v.openingHours, SCHEDULE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored opening hours of " + v.id + " unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public VenueResponse response(Venue v, CoordSystem coords, Long distanceMeters, Instant now) {
        LatLon p = coords.fromWgs84(new LatLon(v.lat, v.lon));
        OpeningHours hours = hours(v);
        return new VenueResponse(v.id, v.name, v.kind, v.level, v.parentVenueId, v.organizationId, v.address,
                new Location(p.lat(), p.lon(), coords), v.areaSqm,
                Arrays.stream(v.amenities == null ? new String[0] : v.amenities).map(Amenity::valueOf).toList(),
                hours.days(), v.operatingModel, v.openedOn, v.allowOverlappingActivities, v.status, v.closedOn,
                v.status == Venue.Status.OPEN && hours.isOpenAt(now), distanceMeters);
    }
}
