package org.unionhub.venue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unionhub.infra.DevTokens;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.projection.OrganizationView;

import java.time.Instant;
import java.util.UUID;

/** Test data written straight into the projections, as membership's events would have left them. */
@ApplicationScoped
public class Fixtures {

    /** An organization under {@code parent} (a root when null). */
    @Transactional
    public UUID org(UUID parent) {
        OrganizationView o = new OrganizationView();
        o.id = UUID.randomUUID();
        o.name = "工会 " + o.id.toString().substring(0, 6);
        o.type = parent == null ? "FEDERATION" : "GRASSROOTS";
        o.parentId = parent;
        String parentPath = parent == null ? "/" : ((OrganizationView) OrganizationView.findById(parent)).path;
        o.path = parentPath + o.id + "/";
        o.updatedAt = Instant.now();
        o.persist();
        return o.id;
    }

    @Transactional
    public UUID member(UUID org, String status) {
        MemberView m = new MemberView();
        m.id = UUID.randomUUID();
        m.name = "快递员小刘";
        m.status = status;
        m.organizationId = org;
        m.organizationPath = ((OrganizationView) OrganizationView.findById(org)).path;
        m.employmentForm = "COURIER";
        m.updatedAt = Instant.parse("2020-01-01T00:00:00Z");
        m.persist();
        return m.id;
    }

    /** Past activities at the venue the member booked and missed, each started at {@code at}. */
    @Transactional
    public void noShows(UUID member, UUID venue, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            org.unionhub.venue.booking.Activity a = new org.unionhub.venue.booking.Activity();
            a.id = UUID.randomUUID();
            a.venueId = venue;
            a.title = "过去的活动";
            a.startsAt = at;
            a.endsAt = at.plusSeconds(3600);
            a.capacity = 10;
            a.status = org.unionhub.venue.booking.Activity.Status.SCHEDULED;
            a.createdBy = "test";
            a.createdAt = at;
            a.persist();
            org.unionhub.venue.booking.Booking b = new org.unionhub.venue.booking.Booking();
            b.id = UUID.randomUUID();
            b.activityId = a.id;
            b.memberId = member;
            b.status = org.unionhub.venue.booking.Booking.Status.NO_SHOW;
            b.bookedAt = at.minusSeconds(86400);
            b.bookedBy = "test";
            b.noShowAt = at;
            b.persist();
        }
    }

    /** Moves an activity in time, as if the clock had run on. */
    @Transactional
    public void reschedule(UUID activity, Instant startsAt) {
        org.unionhub.venue.booking.Activity a = org.unionhub.venue.booking.Activity.findById(activity);
        a.startsAt = startsAt;
        a.endsAt = startsAt.plusSeconds(3600);
    }

    @Transactional
    public String bookingStatus(UUID booking) {
        return ((org.unionhub.venue.booking.Booking) org.unionhub.venue.booking.Booking.findById(booking)).status.name();
    }

    public static RequestSpecification as(String token) {
        RequestSpecification spec = RestAssured.given().contentType(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    public static RequestSpecification staff(UUID org) {
        return as(DevTokens.staff(org));
    }

    public static RequestSpecification member(UUID member) {
        return as(DevTokens.member(member));
    }

    public static RequestSpecification anonymous() {
        return as(null);
    }

    public static String venueJson(String name, String kind, String level, UUID parent, UUID org, double lat, double lon,
                                   String amenitiesJson, String hoursJson) {
        return "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"level\":\"" + level + "\","
                + (parent == null ? "" : "\"parentVenueId\":\"" + parent + "\",")
                + "\"organizationId\":\"" + org + "\",\"address\":\"深圳市南山区\",\"location\":{\"lat\":" + lat + ",\"lon\":" + lon + "},"
                + "\"areaSqm\":1000.00,\"amenities\":" + amenitiesJson + ",\"openingHours\":" + hoursJson + ","
                + "\"operatingModel\":\"PUBLIC\",\"openedOn\":\"2022-11-20\"}";
    }

    public static final String ALWAYS_OPEN = "{\"MONDAY\":[{\"opens\":\"00:00\",\"closes\":\"24:00\"}],\"TUESDAY\":[{\"opens\":\"00:00\",\"closes\":\"24:00\"}],"
            + "\"WEDNESDAY\":[{\"opens\":\"00:00\",\"closes\":\"24:00\"}],\"THURSDAY\":[{\"opens\":\"00:00\",\"closes\":\"24:00\"}],"
            + "\"FRIDAY\":[{\"opens\":\"00:00\",\"closes\":\"24:00\"}],\"SATURDAY\":[{\"opens\":\"00:00\",\"closes\":\"24:00\"}],"
            + "\"SUNDAY\":[{\"opens\":\"00:00\",\"closes\":\"24:00\"}]}";

    /** Creates a venue as staff of {@code org} and returns its id. */
    public static UUID venue(UUID org, String kind, String level, UUID parent, double lat, double lon, String amenitiesJson, String hoursJson) {
        return UUID.fromString(staff(org).body(venueJson("阵地", kind, level, parent, org, lat, lon, amenitiesJson, hoursJson))
                .post("/api/v1/venues").then().statusCode(201).extract().path("id"));
    }

    /** An activity from staff of {@code org}, starting {@code startsIn} from now, one hour long. */
    public static UUID activity(UUID org, UUID venue, int capacity, boolean membersOnly, java.time.Duration startsIn) {
        Instant start = Instant.now().plus(startsIn);
        return UUID.fromString(staff(org).body("{\"title\":\"法律咨询日\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(3600)
                        + "\",\"capacity\":" + capacity + ",\"membersOnly\":" + membersOnly + "}")
                .post("/api/v1/venues/" + venue + "/activities").then().statusCode(201).extract().path("id"));
    }

    /** A venue whose activities may overlap. */
    public static UUID busyVenue(UUID org) {
        UUID v = venue(org, "SERVICE_CENTER", "STREET", null);
        staff(org).body("{\"allowOverlappingActivities\":true}").patch("/api/v1/venues/" + v).then().statusCode(200);
        return v;
    }

    public static io.restassured.response.Response book(UUID activity, UUID member) {
        return member(member).body("{\"memberId\":\"" + member + "\"}").post("/api/v1/activities/" + activity + "/bookings");
    }

    public static UUID venue(UUID org, String kind, String level, UUID parent) {
        return venue(org, kind, level, parent, 22.58, 113.95, "[]", ALWAYS_OPEN);
    }
}
