package org.unionhub.membership.member;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.DevTokens;
import org.unionhub.membership.TestData;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Issue 20: name search by any two or more characters of a Chinese name, served by the gram index (not a scan of
 * the members), held to the caller's subtree, with the ID number and phone never searchable.
 */
@QuarkusTest
class NameSearchTest {

    @Inject
    EntityManager em;

    private static String join(UUID org, String name, String idNumber, String phone) {
        return given().auth().oauth2(DevTokens.staff(org)).contentType("application/json")
                .body(TestData.joinBody(name, idNumber, phone, "TRUCK_DRIVER", org, "ON_SITE"))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    @Test
    void anyTwoCharactersOfANameFindItWithinTheCallersSubtreeOnly() {
        TestData.Tree a = TestData.tree();
        TestData.Tree b = TestData.tree();
        String tag = TestData.suffix();
        String idNumber = TestData.idNumber();
        String phone = TestData.phone();
        String wang = join(a.leaf(), "王建国" + tag, idNumber, phone);
        String wang2 = join(a.county(), "王建华" + tag, TestData.idNumber(), TestData.phone());
        join(b.leaf(), "王建国" + tag, TestData.idNumber(), TestData.phone());

        String staffA = DevTokens.staff(a.province());
        // the middle of a name, its start, its end, and a miss that shares each character but not their order
        given().auth().oauth2(staffA).queryParam("q", "建国" + tag).get("/api/v1/members").then().statusCode(200)
                .body("items.id", containsInAnyOrder(wang));
        given().auth().oauth2(staffA).queryParam("q", "王建").queryParam("organizationId", a.province().toString())
                .queryParam("limit", 200).get("/api/v1/members").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItems(wang, wang2));
        given().auth().oauth2(staffA).queryParam("q", "华" + tag).get("/api/v1/members").then().statusCode(200)
                .body("items.id", containsInAnyOrder(wang2));
        given().auth().oauth2(staffA).queryParam("q", "国建" + tag).get("/api/v1/members").then().statusCode(200)
                .body("items", hasSize(0));
        // staff of the county see only the county's subtree; b's namesake is never in a's answers
        given().auth().oauth2(DevTokens.staff(a.leaf())).queryParam("q", "王建").get("/api/v1/members").then().statusCode(200)
                .body("items.id", containsInAnyOrder(wang));
        // the ID number and the phone are not searchable, in clear or in part
        given().auth().oauth2(staffA).queryParam("q", idNumber.substring(6, 14)).get("/api/v1/members").then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(staffA).queryParam("q", phone).get("/api/v1/members").then().statusCode(200)
                .body("items", hasSize(0));
        // LIKE's own characters are literal
        given().auth().oauth2(staffA).queryParam("q", "%_").get("/api/v1/members").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void aSearchOfOneCharacterOrMoreThanFiftyIs400NamingQ() {
        given().auth().oauth2(TestData.admin()).queryParam("q", "王").get("/api/v1/members").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("q"));
        given().auth().oauth2(TestData.admin()).queryParam("q", "王".repeat(51)).get("/api/v1/members").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void theDatabaseAnswersANameSearchFromTheGramIndexNotAScan() {
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> {
            // with sequential scans priced out, a plan that can only scan would still show one: the index must be usable
            em.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
            @SuppressWarnings("unchecked")
            List<String> lines = em.createNativeQuery("EXPLAIN SELECT id FROM member WHERE name_grams @> ARRAY['建国']::varchar[] "
                    + "AND lower(name) LIKE '%建国%'").getResultList();
            return lines;
        });
        assertThat(String.join("\n", plan)).contains("member_name_grams");
        assertThat(NameSearch.grams("王建国")).containsExactly("王建", "建国");
    }
}
