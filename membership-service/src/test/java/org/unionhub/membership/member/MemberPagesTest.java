package org.unionhub.membership.member;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.membership.TestData;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Issue 20: member pages of a subtree at any depth, in (organization path, id) order under one index (migration
 * V41), every member of the subtree exactly once and nobody from outside it; a cursor the API did not give out is a
 * 400 naming {@code cursor}.
 */
@QuarkusTest
class MemberPagesTest {

    @Inject
    EntityManager em;

    @Test
    void pagingACountyGivesEachOfItsMembersOnceInPathOrderAndNobodyElse() {
        String city = TestData.createOrg(TestData.admin(), "葫芦岛市总工会-" + TestData.suffix(), "FEDERATION_CITY",
                TestData.createOrg(TestData.admin(), "辽宁省总工会-" + TestData.suffix(), "FEDERATION_PROVINCIAL", null));
        String county = TestData.createOrg(TestData.admin(), "绥中县总工会-" + TestData.suffix(), "FEDERATION_COUNTY", city);
        String otherCounty = TestData.createOrg(TestData.admin(), "兴城市总工会-" + TestData.suffix(), "FEDERATION_COUNTY", city);
        List<String> unions = List.of(
                TestData.createOrg(TestData.admin(), "绥中县大货车行业联合工会-" + TestData.suffix(), "INDUSTRY_JOINT", county),
                TestData.createOrg(TestData.admin(), "绥中县快递行业联合工会-" + TestData.suffix(), "INDUSTRY_JOINT", county));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(join(UUID.fromString(county), "王师傅"));
            for (String union : unions) {
                expected.add(join(UUID.fromString(union), "李师傅"));
            }
            join(UUID.fromString(otherCounty), "赵师傅");
        }

        List<String> seen = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(DevTokens.staff(UUID.fromString(county))).queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/members").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            for (String id : page.<String>getList("items.id")) {
                // (path, id) as one string that sorts like the pair: NUL sorts before any character of a path
                paths.add(QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "SELECT organization_path FROM member WHERE id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult())
                        + '\u0000' + id);
            }
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 20);

        assertThat(pages).isEqualTo(6); // 21 members, 4 a page
        assertThat(seen).hasSize(expected.size()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(paths).isSorted();
    }

    @Test
    void aCursorTheApiDidNotGiveOutIs400NamingIt() {
        String province = TestData.createOrg(TestData.admin(), "辽宁省总工会-" + TestData.suffix(), "FEDERATION_PROVINCIAL", null);
        // an id-only cursor (the order before V41) is not a cursor of this API any more
        String idOnly = org.unionhub.platform.paging.PageRequest.encode(UUID.randomUUID());
        given().auth().oauth2(DevTokens.staff(UUID.fromString(province))).queryParam("cursor", idOnly)
                .get("/api/v1/members").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("cursor"));
        given().auth().oauth2(DevTokens.staff(UUID.fromString(province))).queryParam("cursor", "bm90IGEgY3Vyc29y")
                .get("/api/v1/members").then().statusCode(400).body("detail", containsString("cursor"));
    }

    @Test
    void theDatabaseServesASubtreesPagesFromThePathAndIdIndex() {
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
            em.createNativeQuery("SET LOCAL enable_sort = off").executeUpdate();
            @SuppressWarnings("unchecked")
            List<String> lines = em.createNativeQuery("EXPLAIN SELECT id FROM member WHERE organization_path LIKE '/a/b/%' "
                    + "AND organization_path >= '/a/b/c/' AND (organization_path > '/a/b/c/' OR id > '00000000-0000-0000-0000-000000000000') "
                    + "ORDER BY organization_path, id LIMIT 201").getResultList();
            return lines;
        });
        assertThat(String.join("\n", plan)).contains("member_path_id").doesNotContain("Sort");
    }

    private static String join(UUID org, String name) {
        return given().auth().oauth2(DevTokens.staff(org)).contentType("application/json")
                .body(TestData.joinBody(name, TestData.idNumber(), TestData.phone(), "TRUCK_DRIVER", org, "ON_SITE"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
    }
}
