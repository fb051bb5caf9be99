package org.unionhub.membership.organization;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.membership.TestData;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.unionhub.membership.TestData.admin;

/**
 * Issue 20: the statistics come from counters (migration V40, {@link OrganizationCounterFolder}), and after joins,
 * suspensions, reinstatements, leaves, transfers between subtrees, card issues and blocks, an import, and all of
 * these racing, every organization's figures equal a full recount of the members below it — before the changes
 * are folded into the totals and after.
 */
@QuarkusTest
class OrganizationCountersTest {

    @Inject
    EntityManager em;
    @Inject
    OrganizationCounterFolder folder;

    @Test
    void countersEqualAFullRecountAfterEveryKindOfChangeIncludingRacingOnes() throws Exception {
        String province = TestData.createOrg(admin(), "辽宁省总工会-" + TestData.suffix(), "FEDERATION_PROVINCIAL", null);
        List<UUID> leaves = new ArrayList<>();
        List<UUID> all = new ArrayList<>(List.of(UUID.fromString(province)));
        for (String cityName : List.of("葫芦岛市总工会", "大连市总工会")) {
            String city = TestData.createOrg(admin(), cityName + "-" + TestData.suffix(), "FEDERATION_CITY", province);
            String county = TestData.createOrg(admin(), "县总工会-" + TestData.suffix(), "FEDERATION_COUNTY", city);
            String leaf = TestData.createOrg(admin(), "货车司机联合工会-" + TestData.suffix(), "INDUSTRY_JOINT", county);
            all.addAll(List.of(UUID.fromString(city), UUID.fromString(county), UUID.fromString(leaf)));
            leaves.add(UUID.fromString(leaf));
        }
        UUID a = leaves.get(0);
        UUID b = leaves.get(1);
        String[] forms = {"TRUCK_DRIVER", "COURIER", "FOOD_DELIVERY"};

        // joins in both subtrees, some with cards
        List<String> inA = new ArrayList<>();
        List<String> inB = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            inA.add(TestData.activeMember(a, forms[i % 3]));
            inB.add(TestData.activeMember(b, forms[(i + 1) % 3]));
        }
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cards.add(issueCard(inA.get(i)));
            issueCard(inB.get(i));
        }
        assertCountersMatchRecount(all);

        // suspensions, a reinstatement, leaves, a blocked card, transfers across subtrees (a card moving along)
        act(inA.get(6), "suspend", "{\"reason\":\"欠缴会费\"}");
        act(inA.get(7), "suspend", "{\"reason\":\"欠缴会费\"}");
        act(inA.get(7), "reinstate", "{}");
        act(inB.get(8), "leave", "{\"reason\":\"转行\"}");
        given().auth().oauth2(admin()).post("/api/v1/cards/" + cards.get(1) + "/block").then().statusCode(200);
        act(inA.get(0), "transfer", "{\"toOrganizationId\":\"" + b + "\"}");
        act(inA.get(1), "transfer", "{\"toOrganizationId\":\"" + b + "\"}");
        assertCountersMatchRecount(all);
        fold();
        assertCountersMatchRecount(all);

        // an import into subtree b
        String region = String.valueOf(110000 + new java.util.Random(20L).nextInt(540000));
        StringBuilder csv = new StringBuilder("name,idNumber,phone,employmentForm,employer,organizationId\n");
        for (int i = 0; i < 150; i++) {
            csv.append("导入骑手").append(i).append(',').append(TestData.idNumber(region, 7000 + i)).append(',')
                    .append(TestData.phone()).append(",FOOD_DELIVERY,,").append(b).append('\n');
        }
        String staffB = DevTokens.staff(b);
        String job = given().auth().oauth2(staffB).contentType("text/csv; charset=UTF-8").body(csv.toString())
                .post("/api/v1/member-imports").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> List.of("DONE", "COMPLETED").contains(
                given().auth().oauth2(staffB).get("/api/v1/member-imports/" + job).then().statusCode(200).extract().<String>path("status")));
        assertCountersMatchRecount(all);

        // racing: joins, leaves, suspensions, transfers both ways and card issues at once, from eight threads
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> work = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                work.add(() -> TestData.activeMember(n % 2 == 0 ? a : b, forms[n % 3]));
            }
            for (int i = 2; i < 6; i++) {
                String m = inA.get(i);
                work.add(() -> act(m, "transfer", "{\"toOrganizationId\":\"" + b + "\"}"));
                String o = inB.get(i);
                work.add(() -> act(o, "transfer", "{\"toOrganizationId\":\"" + a + "\"}"));
            }
            for (int i = 9; i < 12; i++) {
                String m = inA.get(i);
                work.add(() -> act(m, "leave", "{\"reason\":\"退休\"}"));
                String o = inB.get(i);
                work.add(() -> act(o, "suspend", "{\"reason\":\"欠缴会费\"}"));
            }
            for (String m : List.of(inA.get(7), inA.get(8), inB.get(6))) {
                work.add(() -> issueCard(m));
            }
            work.add(() -> {
                fold();
                return null;
            });
            for (Future<Object> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertCountersMatchRecount(all);
        fold();
        assertCountersMatchRecount(all);
        Map<String, Object> provinceFigures = stats(UUID.fromString(province));
        assertThat(((Number) provinceFigures.get("activeMembers")).longValue()).isEqualTo(12 + 12 + 150 + 16 - 1 - 1 - 3 - 3);
    }

    private void fold() {
        while (folder.foldBatch() > 0) {
            // until nothing is left for this test's organizations (other tests' changes may be folded too)
        }
    }

    private static String issueCard(String memberId) {
        return given().auth().oauth2(admin()).post("/api/v1/members/" + memberId + "/cards").then().statusCode(201)
                .extract().path("number");
    }

    private static Object act(String memberId, String action, String body) {
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/members/" + memberId + "/" + action).then().statusCode(200);
        return null;
    }

    private static Map<String, Object> stats(UUID org) {
        JsonPath json = given().auth().oauth2(admin()).get("/api/v1/organizations/" + org + "/stats").then().statusCode(200)
                .extract().jsonPath();
        return json.getMap("");
    }

    private void assertCountersMatchRecount(List<UUID> organizations) {
        for (UUID org : organizations) {
            Map<String, Object> s = stats(org);
            QuarkusTransaction.requiringNew().run(() -> assertRecount(org, s));
        }
    }

    @SuppressWarnings("unchecked")
    private void assertRecount(UUID org, Map<String, Object> s) {
        String path = (String) em.createNativeQuery("SELECT path FROM organization WHERE id = ?1").setParameter(1, org).getSingleResult();
        Map<String, Long> byForm = new TreeMap<>();
        long total = 0;
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT employment_form, count(*) FROM member "
                + "WHERE status = 'ACTIVE' AND organization_path LIKE ?1 GROUP BY employment_form").setParameter(1, path + "%").getResultList()) {
            byForm.put((String) r[0], ((Number) r[1]).longValue());
            total += ((Number) r[1]).longValue();
        }
        Object[] cards = (Object[]) em.createNativeQuery("SELECT count(*), count(*) FILTER (WHERE c.status = 'VALID') "
                + "FROM card c JOIN member m ON m.id = c.member_id WHERE m.organization_path LIKE ?1").setParameter(1, path + "%").getSingleResult();
        Map<String, Long> reported = new TreeMap<>();
        ((Map<String, Number>) s.get("activeMembersByEmploymentForm")).forEach((k, v) -> {
            if (v.longValue() != 0) {
                reported.put(k, v.longValue());
            }
        });
        assertThat(reported).as("active members by form of %s", org).isEqualTo(byForm);
        assertThat(((Number) s.get("activeMembers")).longValue()).as("active members of %s", org).isEqualTo(total);
        assertThat(((Number) s.get("cardsIssued")).longValue()).as("cards issued in %s", org).isEqualTo(((Number) cards[0]).longValue());
        assertThat(((Number) s.get("cardsValid")).longValue()).as("valid cards in %s", org).isEqualTo(((Number) cards[1]).longValue());
    }
}
