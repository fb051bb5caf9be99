package org.unionhub.assistance.relief;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.unionhub.assistance.TestData;
import org.unionhub.infra.DevTokens;
import org.unionhub.platform.projection.OrganizationSnapshot;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.unionhub.assistance.TestData.as;

/**
 * A union tree with membership's real organization types, members written straight into the member projection (in
 * bulk), and programs and funds of each test's own, so that no test shares caps or money with another.
 */
@ApplicationScoped
public class ReliefFixtures {

    /** province → city → county (the campaign's federation) → grassroots, and a sibling county beside it. */
    public record Tree(UUID province, UUID city, UUID county, UUID grassroots, UUID siblingCounty, UUID siblingGrassroots) {
    }

    @Inject
    EntityManager em;

    @Transactional
    public Tree tree() {
        UUID province = UUID.randomUUID();
        UUID city = UUID.randomUUID();
        UUID county = UUID.randomUUID();
        UUID grassroots = UUID.randomUUID();
        UUID sibling = UUID.randomUUID();
        UUID siblingGrassroots = UUID.randomUUID();
        org(province, "山东省总工会", "FEDERATION_PROVINCIAL", null, List.of());
        org(city, "济南市总工会", "FEDERATION_CITY", province, List.of(province));
        org(county, "历城区总工会", "FEDERATION_COUNTY", city, List.of(province, city));
        org(grassroots, "山钢集团基层工会", "GRASSROOTS", county, List.of(province, city, county));
        org(sibling, "章丘区总工会", "FEDERATION_COUNTY", city, List.of(province, city));
        org(siblingGrassroots, "章丘快递基层工会", "GRASSROOTS", sibling, List.of(province, city, sibling));
        return new Tree(province, city, county, grassroots, sibling, siblingGrassroots);
    }

    private void org(UUID id, String name, String type, UUID parent, List<UUID> ancestors) {
        em.createNativeQuery("INSERT INTO organization_view (id, name, type, parent_id, path, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, now())")
                .setParameter(1, id).setParameter(2, name).setParameter(3, type).setParameter(4, parent)
                .setParameter(5, OrganizationSnapshot.path(ancestors, id)).executeUpdate();
    }

    /** {@code n} members of an organization, with one status and employment form, in one statement. */
    @Transactional
    public List<UUID> members(UUID organization, int n, String status, String employmentForm) {
        String path = (String) em.createNativeQuery("SELECT path FROM organization_view WHERE id = ?1").setParameter(1, organization)
                .getSingleResult();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        em.createNativeQuery("INSERT INTO member_view (id, name, status, organization_id, organization_path, employment_form, updated_at) "
                        + "SELECT m, '职工', ?2, ?3, ?4, ?5, now() FROM unnest(CAST(?1 AS uuid[])) AS u(m)")
                .setParameter(1, ids.toArray(new UUID[0])).setParameter(2, status).setParameter(3, organization)
                .setParameter(4, path).setParameter(5, employmentForm).executeUpdate();
        return ids;
    }

    @Transactional
    public void setStatus(UUID member, String status) {
        em.createNativeQuery("UPDATE member_view SET status = ?1 WHERE id = ?2").setParameter(1, status).setParameter(2, member).executeUpdate();
    }

    @Transactional
    public void hardshipFile(UUID member, String level) {
        em.createNativeQuery("INSERT INTO hardship_file (id, member_id, organization_id, organization_path, household_size, "
                        + "monthly_household_income, causes, level, status, opened_at, opened_by, next_review_on) "
                        + "SELECT gen_random_uuid(), m.id, m.organization_id, m.organization_path, 3, 1200.00, 'ILLNESS', ?2, 'OPEN', now(), 'test', "
                        + "CURRENT_DATE + 365 FROM member_view m WHERE m.id = ?1")
                .setParameter(1, member).setParameter(2, level).executeUpdate();
    }

    /** A money program of the test's own, with a fund for this year (null fund: none). */
    @Transactional
    public String program(String capPerPersonYear, String fund) {
        String code = "RELIEF_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        em.createNativeQuery("INSERT INTO program (code, name, money, cap_per_person_year, cap_per_application, second_approval_threshold) "
                        + "VALUES (?1, '抗疫帮扶', TRUE, ?2, ?2, ?2)")
                .setParameter(1, code).setParameter(2, new BigDecimal(capPerPersonYear)).executeUpdate();
        if (fund != null) {
            em.createNativeQuery("INSERT INTO program_fund (program_code, year, amount, created_by) VALUES (?1, ?2, ?3, 'test')")
                    .setParameter(1, code).setParameter(2, TestData.thisYear()).setParameter(3, new BigDecimal(fund)).executeUpdate();
        }
        return code;
    }

    @Transactional
    public BigDecimal reserved(String program) {
        return (BigDecimal) em.createNativeQuery("SELECT reserved FROM program_fund WHERE program_code = ?1 AND year = ?2")
                .setParameter(1, program).setParameter(2, TestData.thisYear()).getSingleResult();
    }

    /** What the ledger holds for a member in a program this year (what counts against his cap). */
    @Transactional
    public BigDecimal committed(UUID member, String program) {
        return (BigDecimal) em.createNativeQuery("SELECT COALESCE(SUM(amount), 0.00) FROM aid_entry WHERE member_id = ?1 AND program_code = ?2 AND year = ?3")
                .setParameter(1, member).setParameter(2, program).setParameter(3, TestData.thisYear()).getSingleResult();
    }

    @Transactional
    public BigDecimal ledgerSum(String program) {
        return (BigDecimal) em.createNativeQuery("SELECT SUM(amount) FROM aid_entry WHERE program_code = ?1").setParameter(1, program)
                .getSingleResult();
    }

    @Transactional
    public BigDecimal paidSum(UUID campaign) {
        return (BigDecimal) em.createNativeQuery("SELECT SUM(amount) FROM relief_entitlement WHERE campaign_id = ?1 AND status = 'PAID'")
                .setParameter(1, campaign).getSingleResult();
    }

    @Transactional
    public long rows(String table, String where, Object param) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM " + table + " WHERE " + where).setParameter(1, param)
                .getSingleResult()).longValue();
    }

    /** A staff token of an organization with a distinct person behind it. */
    public static String staff(UUID org, String who) {
        return TestData.staff(org, who);
    }

    public static String token(String subject, Set<String> roles, UUID member, UUID org) {
        return DevTokens.token(subject, roles, member, org, Duration.ofHours(1));
    }

    /** Defines a campaign as staff "creator" of the county; returns its id. */
    public static String define(Tree tree, String program, String amount, Map<String, Object> eligibility) {
        return as(staff(tree.county(), "creator")).body(Map.of("name", "抗疫一线职工帮扶", "organizationId", tree.county(),
                        "programCode", program, "amountPerPerson", amount, "eligibility", eligibility))
                .post("/api/v1/relief-campaigns").then().statusCode(201).extract().path("id");
    }

    /** Approves as staff of the city (a federation above the county). */
    public static io.restassured.response.ValidatableResponse approve(Tree tree, String campaign, String who) {
        return as(staff(tree.city(), who)).body("{}").post("/api/v1/relief-campaigns/" + campaign + "/approve").then();
    }

    public static Instant now() {
        return Instant.now();
    }
}
