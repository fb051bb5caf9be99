package org.unionhub.assistance;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.unionhub.platform.time.BusinessClock;
import org.unionhub.infra.DevTokens;
import org.unionhub.platform.projection.MemberView;
import org.unionhub.platform.projection.OrganizationSnapshot;
import org.unionhub.platform.projection.OrganizationView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Each test's own organization tree and members, written straight into the projections. */
@ApplicationScoped
public class TestData {

    /** province → city → county → grassroots union, fresh ids every time. */
    public record Tree(UUID province, UUID city, UUID county, UUID grassroots) {
    }

    @Transactional
    public Tree tree() {
        UUID province = UUID.randomUUID();
        UUID city = UUID.randomUUID();
        UUID county = UUID.randomUUID();
        UUID grassroots = UUID.randomUUID();
        List<UUID> ancestors = new ArrayList<>();
        org(province, "山东省总工会", "PROVINCE", null, ancestors);
        ancestors.add(province);
        org(city, "济南市总工会", "CITY", province, ancestors);
        ancestors.add(city);
        org(county, "历城区总工会", "COUNTY", city, ancestors);
        ancestors.add(county);
        org(grassroots, "山钢集团基层工会", "GRASSROOTS", county, ancestors);
        return new Tree(province, city, county, grassroots);
    }

    /** Another grassroots union beside the tree's (same county): staff of it are "sibling staff". */
    @Transactional
    public UUID sibling(Tree tree) {
        UUID id = UUID.randomUUID();
        org(id, "济钢集团基层工会", "GRASSROOTS", tree.county(), List.of(tree.province(), tree.city(), tree.county()));
        return id;
    }

    /** A number the database answers (a count), for probes that a refused call wrote nothing. */
    @Transactional
    public long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private void org(UUID id, String name, String type, UUID parent, List<UUID> ancestors) {
        OrganizationView v = new OrganizationView();
        v.id = id;
        v.name = name;
        v.type = type;
        v.parentId = parent;
        v.path = OrganizationSnapshot.path(List.copyOf(ancestors), id);
        v.updatedAt = Instant.now();
        v.persist();
    }

    @Transactional
    public UUID member(Tree tree, String name, String status) {
        OrganizationView org = OrganizationView.findById(tree.grassroots());
        MemberView m = new MemberView();
        m.id = UUID.randomUUID();
        m.name = name;
        m.status = status;
        m.organizationId = org.id;
        m.organizationPath = org.path;
        m.employmentForm = "EMPLOYEE";
        m.updatedAt = Instant.now();
        m.persist();
        return m.id;
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @Transactional
    public java.math.BigDecimal payoutSum(String programCode) {
        return (java.math.BigDecimal) em.createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM payout WHERE program_code = ?1")
                .setParameter(1, programCode).getSingleResult();
    }

    /** Tries to change an audit entry behind the API's back; returns the database's answer. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public String tamperWithAudit(String entityId) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class),
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE audit_entry SET actor = 'nobody' WHERE entity_id = '" + entityId + "'");
            return "changed";
        } catch (java.sql.SQLException e) {
            return e.getMessage();
        }
    }

    @jakarta.inject.Inject
    org.unionhub.assistance.ledger.Ledger ledger;

    /** Commits many small amounts through the ledger in one transaction, as thousands of approvals would. */
    @Transactional
    public void commitMany(UUID member, String programCode, List<java.math.BigDecimal> amounts) {
        MemberView m = MemberView.findById(member);
        org.unionhub.assistance.program.Program p = org.unionhub.assistance.program.Program.findById(programCode);
        for (java.math.BigDecimal a : amounts) {
            ledger.commit(new org.unionhub.assistance.ledger.Ledger.Entry(member, m.organizationPath, programCode, thisYear(), 1, a,
                    "TEST", UUID.randomUUID(), "test"), p);
        }
    }

    @Transactional
    public void setStatus(UUID member, String status) {
        MemberView m = MemberView.findById(member);
        m.status = status;
    }

    public UUID activeMember(Tree tree) {
        return member(tree, "张师傅", "ACTIVE");
    }

    public static int thisYear() {
        return LocalDate.now(BusinessClock.ZONE).getYear();
    }

    public static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    /** A staff token of an organization with a distinct person behind it. */
    public static String staff(UUID org, String who) {
        return DevTokens.token("staff-" + who + "-" + org, java.util.Set.of("staff"), null, org, java.time.Duration.ofHours(1));
    }

    public static String finance() {
        return DevTokens.role("finance");
    }

    /** Makes sure a program has a (large) fund for this year; the tests share it. */
    public static void ensureFund(String program) {
        int status = as(DevTokens.role("admin")).body(Map.of("year", thisYear(), "amount", "900000000000.00"))
                .post("/api/v1/programs/" + program + "/funds").statusCode();
        if (status != 201 && status != 409) {
            throw new AssertionError("fund not created: " + status);
        }
    }

    /** Submits as the member himself and returns the application id. */
    public static String submit(UUID member, String program, String amount, Map<String, Object> details) {
        return as(DevTokens.member(member))
                .body(Map.of("memberId", member, "programCode", program, "requestedAmount", amount, "reason", "生病住院", "details", details))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
    }

    /** Submitted, approved (twice when the amount needs it) and disbursed. */
    public static String paid(Tree tree, UUID member, String program, String amount, Map<String, Object> details) {
        String id = submit(member, program, amount, details);
        String status = as(staff(tree.county(), "a")).body(Map.of("approvedAmount", amount))
                .post("/api/v1/applications/" + id + "/approve").then().statusCode(200).extract().path("status");
        if ("AWAITING_SECOND_APPROVAL".equals(status)) {
            as(staff(tree.city(), "b")).body(Map.of()).post("/api/v1/applications/" + id + "/approve").then().statusCode(200);
        }
        as(finance()).post("/api/v1/applications/" + id + "/disburse").then().statusCode(200);
        return id;
    }

    /** Fires all calls at once (a latch releases them together) and returns their results. */
    public static List<Integer> race(List<java.util.concurrent.Callable<Integer>> calls) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(calls.size());
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> futures = new ArrayList<>();
            for (java.util.concurrent.Callable<Integer> c : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : futures) {
                codes.add(f.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The event data carries every field its JSON Schema requires. */
    public static void assertRequiredFieldsOfSchema(String schema, com.fasterxml.jackson.databind.JsonNode data) throws Exception {
        try (java.io.InputStream in = TestData.class.getResourceAsStream("/events/" + schema)) {
            if (in == null) {
                throw new AssertionError("no schema " + schema);
            }
            com.fasterxml.jackson.databind.JsonNode s = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            for (com.fasterxml.jackson.databind.JsonNode field : s.get("required")) {
                if (!data.has(field.asText())) {
                    throw new AssertionError(schema + " requires " + field.asText() + " but the event lacks it: " + data);
                }
            }
        }
    }
}
