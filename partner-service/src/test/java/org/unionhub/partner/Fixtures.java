package org.unionhub.partner;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.unionhub.infra.DevTokens;
import org.unionhub.infra.TopicProbe;
import org.unionhub.platform.projection.OrganizationView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The organization tree, partners, subscriptions and membership events of a test. */
@ApplicationScoped
public class Fixtures {

    public static final String JOINED = "org.unionhub.membership.member.joined.v1";
    public static final String CARD_ISSUED = "org.unionhub.membership.card.issued.v1";
    public static final String APPROVED = "org.unionhub.membership.member.approved.v1";

    private final EntityManager em;

    public Fixtures(EntityManager em) {
        this.em = em;
    }

    /** An organization of the tree, as membership's events would have made it; returns its id. */
    @Transactional
    public UUID organization(UUID parent, String name) {
        OrganizationView v = new OrganizationView();
        v.id = UUID.randomUUID();
        v.name = name;
        v.type = "FEDERATION";
        v.parentId = parent;
        String parentPath = parent == null ? "/" : OrganizationView.<OrganizationView>findById(parent).path;
        v.path = parentPath + v.id + "/";
        v.updatedAt = Instant.now();
        v.persist();
        return v.id;
    }

    /** A member in this service's projection, as membership's events would have made it. */
    @Transactional
    public UUID member(UUID organization, String name) {
        org.unionhub.platform.projection.MemberView m = new org.unionhub.platform.projection.MemberView();
        m.id = UUID.randomUUID();
        m.name = name;
        m.status = "ACTIVE";
        m.organizationId = organization;
        m.organizationPath = OrganizationView.<OrganizationView>findById(organization).path;
        m.employmentForm = "PLATFORM";
        m.updatedAt = Instant.now();
        m.persist();
        return m.id;
    }

    @Transactional
    public List<UUID> ancestorsAndSelf(UUID org) {
        String path = OrganizationView.<OrganizationView>findById(org).path;
        List<UUID> ids = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(UUID.fromString(part));
            }
        }
        return ids;
    }

    @Transactional
    public Object scalar(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getSingleResult();
    }

    @Transactional
    public int execute(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.executeUpdate();
    }

    public static String admin() {
        return DevTokens.role("admin");
    }

    public static String partnerToken(UUID partnerId) {
        return DevTokens.sign(DevTokens.claims("partner-system-" + partnerId, Set.of("partner")).claim("partnerId", partnerId.toString()));
    }

    /** Registers a partner as the admin; returns its id. */
    public static UUID partner(String name, String redaction, UUID organizationId, List<String> types) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("contact", "ops@example.cn");
        body.put("allowedEventTypes", types);
        body.put("organizationId", organizationId);
        body.put("redaction", redaction);
        return UUID.fromString(given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/partners").then().statusCode(201).extract().path("id"));
    }

    public static ValidatableResponse subscribe(UUID partnerId, String url, List<String> types, UUID organizationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("eventTypes", types);
        body.put("organizationId", organizationId);
        return given().auth().oauth2(partnerToken(partnerId)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/webhook-subscriptions").then();
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Membership announces a member event (data: MemberSnapshot and the extras of the type). */
    public void memberEvent(UUID eventId, String type, UUID memberId, String name, UUID organization, String extraJson) throws Exception {
        List<UUID> path = ancestorsAndSelf(organization);
        List<UUID> ancestors = path.subList(0, path.size() - 1);
        StringBuilder anc = new StringBuilder("[");
        for (int i = 0; i < ancestors.size(); i++) {
            anc.append(i == 0 ? "" : ",").append('"').append(ancestors.get(i)).append('"');
        }
        anc.append(']');
        String data = "{\"memberId\":\"" + memberId + "\",\"name\":\"" + name + "\",\"status\":\"PENDING\",\"organizationId\":\""
                + organization + "\",\"organizationAncestors\":" + anc + ",\"employmentForm\":\"PLATFORM\""
                + (extraJson == null ? "" : "," + extraJson) + "}";
        TopicProbe.sendCloudEvent(bootstrapServers(), "membership.member.v1", memberId.toString(), eventId, type,
                "/unionhub/membership", Instant.now().toString(), data);
    }
}
