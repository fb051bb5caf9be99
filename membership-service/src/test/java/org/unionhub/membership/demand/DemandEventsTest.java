package org.unionhub.membership.demand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.unionhub.infra.TopicProbe;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.membership.demand.DemandFixture.staff;

/** demand.raised and demand.resolved reach Kafka through the outbox, keyed by the member, with nothing personal but his id. */
@QuarkusTest
class DemandEventsTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void raisedAndResolvedAreCloudEventsOnTheMemberTopicWithoutTheTextOrName() throws Exception {
        DemandFixture f = new DemandFixture();
        UUID driver = f.member();
        String text = "货运平台拖欠我三个月运费共8200元，电话13912345678";
        UUID id = DemandFixture.raise(driver, "WAGE_ARREARS", text);
        DemandFixture.step(staff(f.leaf), id, "accept", "已受理").statusCode(200);
        DemandFixture.step(staff(f.leaf), id, "resolve", "张经理已付清8200元").statusCode(200);

        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (TopicProbe probe = new TopicProbe(bootstrap, DemandEvents.TOPIC)) {
            ConsumerRecord<String, byte[]> raised = probe.await(r -> DemandEvents.RAISED.equals(TopicProbe.header(r, "ce_type"))
                    && TopicProbe.value(r).contains(id.toString()), Duration.ofSeconds(30));
            ConsumerRecord<String, byte[]> resolved = probe.await(r -> DemandEvents.RESOLVED.equals(TopicProbe.header(r, "ce_type"))
                    && TopicProbe.value(r).contains(id.toString()), Duration.ofSeconds(30));
            for (ConsumerRecord<String, byte[]> r : new ConsumerRecord[]{raised, resolved}) {
                assertThat(r.key()).isEqualTo(driver.toString());
                assertThat(TopicProbe.header(r, "ce_source")).isEqualTo("/unionhub/membership");
                assertThat(TopicProbe.header(r, "ce_subject")).isEqualTo(driver.toString());
                String raw = TopicProbe.value(r);
                assertThat(raw).doesNotContain("8200").doesNotContain("13912345678").doesNotContain("张经理").doesNotContain("会员");
                JsonNode data = json.readTree(r.value());
                assertThat(data.get("demandId").asText()).isEqualTo(id.toString());
                assertThat(data.get("memberId").asText()).isEqualTo(driver.toString());
                assertThat(data.get("category").asText()).isEqualTo("WAGE_ARREARS");
                assertThat(data.get("organizationId").asText()).isEqualTo(f.leaf.toString());
                assertThat(data.get("organizationAncestors").toString())
                        .isEqualTo("[\"" + f.tree.province() + "\",\"" + f.tree.city() + "\",\"" + f.county + "\"]");
                assertThat(data.has("text")).isFalse();
                assertThat(data.has("name")).isFalse();
            }
            JsonNode r = json.readTree(raised.value());
            assertThat(r.get("channel").asText()).isEqualTo("APP");
            assertThat(r.get("dueAt").asText()).isNotBlank();
            JsonNode s = json.readTree(resolved.value());
            assertThat(s.get("escalations").asInt()).isZero();
            assertThat(s.get("overdue").asBoolean()).isFalse();
            assertThat(s.get("resolvedAt").asText()).isNotBlank();
        }
    }

    @Test
    void aDeclinedDemandIsNotAnnouncedAsResolved() {
        DemandFixture f = new DemandFixture();
        UUID driver = f.member();
        UUID declined = DemandFixture.raise(driver, "OTHER", "不属于工会职责的事项");
        DemandFixture.step(staff(f.leaf), declined, "decline", "不属于工会职责").statusCode(200);
        UUID resolved = DemandFixture.raise(driver, "TRAINING", "培训");
        DemandFixture.step(staff(f.leaf), resolved, "accept", "已受理").statusCode(200);
        DemandFixture.step(staff(f.leaf), resolved, "resolve", "已安排").statusCode(200);
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (TopicProbe probe = new TopicProbe(bootstrap, DemandEvents.TOPIC)) {
            // the later resolution is on the topic, so the decline, keyed the same and written before, would be too
            probe.await(r -> DemandEvents.RESOLVED.equals(TopicProbe.header(r, "ce_type"))
                    && TopicProbe.value(r).contains(resolved.toString()), Duration.ofSeconds(30));
            assertThat(probe.seen()).noneMatch(r -> DemandEvents.RESOLVED.equals(TopicProbe.header(r, "ce_type"))
                    && TopicProbe.value(r).contains(declined.toString()));
            assertThat(probe.seen()).anyMatch(r -> DemandEvents.RAISED.equals(TopicProbe.header(r, "ce_type"))
                    && TopicProbe.value(r).contains(declined.toString()));
        }
    }
}
