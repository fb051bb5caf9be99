package org.unionhub.partner.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What each redaction level leaves of real event shapes. */
class RedactionTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    static final String CARD_ISSUED = """
            {"memberId":"11111111-1111-4111-8111-111111111111","name":"张三","status":"ACTIVE",
             "organizationId":"22222222-2222-4222-8222-222222222222","organizationAncestors":["33333333-3333-4333-8333-333333333333"],
             "employmentForm":"PLATFORM","cardNumber":"6210000000000001","reason":null,"phone":"13800000000"}""";

    @Test
    void fullKeepsEverythingButWhatMustNeverTravel() throws Exception {
        JsonNode out = Redaction.apply(RedactionLevel.FULL, "org.unionhub.membership.card.issued.v1", json(CARD_ISSUED));
        assertThat(out.get("name").asText()).isEqualTo("张三");
        assertThat(out.get("cardNumber").asText()).isEqualTo("6210000000000001");
        assertThat(out.has("phone")).isFalse();
    }

    @Test
    void noPersonalDataDropsNamesCardNumbersAndFreeTextButKeepsThePseudonymousId() throws Exception {
        JsonNode out = Redaction.apply(RedactionLevel.NO_PERSONAL_DATA, "org.unionhub.membership.card.issued.v1", json(CARD_ISSUED));
        assertThat(out.has("name")).isFalse();
        assertThat(out.has("cardNumber")).isFalse();
        assertThat(out.has("reason")).isFalse();
        assertThat(out.has("phone")).isFalse();
        assertThat(out.get("memberId").asText()).isEqualTo("11111111-1111-4111-8111-111111111111");
        assertThat(out.get("organizationId").asText()).isEqualTo("22222222-2222-4222-8222-222222222222");
    }

    @Test
    void noPersonalDataKeepsTheNameOfAVenueOrAnOrganization() throws Exception {
        JsonNode venue = Redaction.apply(RedactionLevel.NO_PERSONAL_DATA, "org.unionhub.venue.venue.opened.v1",
                json("{\"venueId\":\"v\",\"name\":\"南京职工之家\",\"actor\":\"staff-1\"}"));
        assertThat(venue.get("name").asText()).isEqualTo("南京职工之家");
        assertThat(venue.has("actor")).isFalse();
    }

    @Test
    void aggregateOnlyKeepsOnlyWhatCanBeCountedAndHidesTheSubject() throws Exception {
        JsonNode out = Redaction.apply(RedactionLevel.AGGREGATE_ONLY, "org.unionhub.membership.card.issued.v1", json(CARD_ISSUED));
        assertThat(out.has("name")).isFalse();
        assertThat(out.has("cardNumber")).isFalse();
        assertThat(out.has("memberId")).isFalse();
        assertThat(out.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(out.get("employmentForm").asText()).isEqualTo("PLATFORM");
        assertThat(out.get("organizationAncestors").size()).isEqualTo(1);

        JsonNode award = Redaction.apply(RedactionLevel.AGGREGATE_ONLY, "org.unionhub.competition.award.granted.v1",
                json("{\"awardId\":\"a\",\"memberId\":\"m\",\"teamName\":\"化工一队\",\"prize\":\"FIRST\",\"someNewField\":\"x\"}"));
        assertThat(award.fieldNames()).toIterable().containsExactly("prize");

        String subject = Redaction.subject(RedactionLevel.AGGREGATE_ONLY, "partner-a", "11111111-1111-4111-8111-111111111111");
        assertThat(subject).startsWith("p-").doesNotContain("11111111");
        assertThat(Redaction.subject(RedactionLevel.AGGREGATE_ONLY, "partner-a", "11111111-1111-4111-8111-111111111111")).isEqualTo(subject);
        assertThat(Redaction.subject(RedactionLevel.AGGREGATE_ONLY, "partner-b", "11111111-1111-4111-8111-111111111111")).isNotEqualTo(subject);
        assertThat(Redaction.subject(RedactionLevel.NO_PERSONAL_DATA, "partner-a", "m")).isEqualTo("m");
    }

    @Test
    void redactionReachesNestedObjectsAndLeavesTheOriginalAlone() throws Exception {
        JsonNode original = json("{\"entries\":[{\"memberName\":\"李四\",\"amount\":\"300.00\"}]}");
        JsonNode out = Redaction.apply(RedactionLevel.NO_PERSONAL_DATA, "org.unionhub.assistance.relief.paid.v1", original);
        assertThat(out.get("entries").get(0).has("memberName")).isFalse();
        assertThat(out.get("entries").get(0).get("amount").asText()).isEqualTo("300.00");
        assertThat(original.get("entries").get(0).get("memberName").asText()).isEqualTo("李四");
    }
}
