package org.unionhub.partner.stream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.TopicProbe;
import org.unionhub.partner.Fixtures;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.partner.Fixtures.CARD_ISSUED;

/** Each partner's filtered, redacted stream on its own Kafka topic partner.<partnerId>.v1. */
@QuarkusTest
class PartnerStreamTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aPartnerTopicCarriesOnlyItsSubtreeRedactedToItsLevel() throws Exception {
        UUID root = fixtures.organization(null, "四川省总工会");
        UUID chengdu = fixtures.organization(root, "成都市总工会");
        UUID mianyang = fixtures.organization(root, "绵阳市总工会");
        UUID aggregate = Fixtures.partner("城市数据平台", "AGGREGATE_ONLY", root, List.of(CARD_ISSUED));
        UUID bank = Fixtures.partner("成都银行", "NO_PERSONAL_DATA", chengdu, List.of(CARD_ISSUED));
        UUID elsewhere = Fixtures.partner("绵阳加油站", "FULL", mianyang, List.of(CARD_ISSUED));
        UUID member = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        try (TopicProbe platform = new TopicProbe(Fixtures.bootstrapServers(), "partner." + aggregate + ".v1");
             TopicProbe bankTopic = new TopicProbe(Fixtures.bootstrapServers(), "partner." + bank + ".v1")) {
            fixtures.memberEvent(eventId, CARD_ISSUED, member, "陈小明", chengdu, "\"cardNumber\":\"6210000000000099\"");

            var agg = platform.await(r -> true, Duration.ofSeconds(60));
            assertThat(TopicProbe.header(agg, "ce_type")).isEqualTo(CARD_ISSUED);
            assertThat(agg.key()).startsWith("p-").doesNotContain(member.toString());
            assertThat(TopicProbe.header(agg, "ce_id")).isEqualTo(PartnerStream.streamEventId(aggregate, eventId).toString());
            String aggData = TopicProbe.value(agg);
            assertThat(aggData).doesNotContain("陈小明").doesNotContain("6210000000000099").doesNotContain(member.toString());
            assertThat(JsonPath.from(aggData).getString("organizationId")).isEqualTo(chengdu.toString());

            var b = bankTopic.await(r -> true, Duration.ofSeconds(60));
            assertThat(b.key()).isEqualTo(member.toString());
            JsonPath bankData = JsonPath.from(TopicProbe.value(b));
            assertThat(bankData.getString("memberId")).isEqualTo(member.toString());
            assertThat(bankData.getString("name")).isNull();
            assertThat(bankData.getString("cardNumber")).isNull();
        }
        // written in the same transaction as the others: a partner outside the member's subtree got nothing
        assertThat(((Number) fixtures.scalar("SELECT count(*) FROM outbox WHERE topic = ?1", "partner." + elsewhere + ".v1")).intValue()).isZero();
        // a redelivered source event adds nothing (the inbox)
        fixtures.memberEvent(eventId, CARD_ISSUED, member, "陈小明", chengdu, "\"cardNumber\":\"6210000000000099\"");
        UUID marker = UUID.randomUUID();
        fixtures.memberEvent(marker, CARD_ISSUED, member, "陈小明", chengdu, "\"cardNumber\":\"6210000000000099\"");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                ((Number) fixtures.scalar("SELECT count(*) FROM outbox WHERE topic = ?1", "partner." + bank + ".v1")).intValue() == 2);
    }
}
