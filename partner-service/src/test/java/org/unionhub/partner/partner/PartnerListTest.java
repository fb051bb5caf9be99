package org.unionhub.partner.partner;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.partner.Fixtures;
import org.unionhub.platform.paging.PageRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.unionhub.partner.Fixtures.JOINED;

/** The admin's partner list and a partner's subscription list, page by page, and what a bad cursor gets. */
@QuarkusTest
class PartnerListTest {

    @Inject
    Fixtures fixtures;

    @Test
    void thePartnerListWalksEveryPartnerOnceOldestFirst() {
        UUID org = fixtures.organization(null, "江苏省总工会");
        List<UUID> registered = List.of(
                Fixtures.partner("中石化江苏加油站", "NO_PERSONAL_DATA", org, List.of(JOINED)),
                Fixtures.partner("苏宁职工优惠", "NO_PERSONAL_DATA", org, List.of(JOINED)),
                Fixtures.partner("江苏职工保险", "AGGREGATE_ONLY", org, List.of(JOINED)));
        List<String> ids = new ArrayList<>();
        List<Instant> created = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(Fixtures.admin()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/partners").then().statusCode(200).extract().jsonPath();
            List<String> pageIds = page.getList("items.id");
            assertThat(pageIds).hasSizeLessThanOrEqualTo(2);
            ids.addAll(pageIds);
            page.getList("items.createdAt", String.class).forEach(t -> created.add(Instant.parse(t)));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(ids).doesNotHaveDuplicates().containsAll(registered.stream().map(UUID::toString).toList());
        assertThat(created).isSorted();
    }

    @Test
    void aCursorThisListDidNotGiveOutIsBadInputNamingTheCursor() {
        for (String bad : List.of("not-a-cursor", PageRequest.encode(UUID.randomUUID()), PageRequest.encode("yesterday", UUID.randomUUID()))) {
            given().auth().oauth2(Fixtures.admin()).queryParam("cursor", bad).get("/api/v1/partners")
                    .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        }
        UUID org = fixtures.organization(null, "浙江省总工会");
        UUID partner = Fixtures.partner("浙江职工书店", "NO_PERSONAL_DATA", org, List.of(JOINED));
        given().auth().oauth2(Fixtures.partnerToken(partner)).queryParam("cursor", PageRequest.encode("yesterday", UUID.randomUUID()))
                .get("/api/v1/webhook-subscriptions").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }
}
