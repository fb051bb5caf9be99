package org.unionhub.platform.projection;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.unionhub.platform.consumer.BatchConsumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds {@code member_view} and {@code organization_view} from membership's compacted topics: empties
 * them (and the inbox's memory of membership's events), then reads both topics from the earliest offset
 * to the end offsets of the moment it starts, with its own group-less consumer, and applies them as the
 * live consumer does (batches, newest state per key wins). The live consumer keeps running: what it
 * applies meanwhile is newer or equal, and the inbox keeps either from applying an event twice.
 * Reading all partitions, one instance rebuilds the table for all. The service's own reactions
 * ({@link MemberEventHook}) are not run again: they happened when the events first arrived.
 */
@ApplicationScoped
@IfBuildProperty(name = "unionhub.membership-projection.enabled", stringValue = "true")
public class MembershipProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(MembershipProjectionRebuild.class);

    public record Result(long organizationRecords, long memberRecords, long organizations, long members) {
    }

    private final MembershipProjection projection;
    private final MembershipFeed feed;
    private final BatchConsumer batches;
    private final EntityManager em;
    private final Map<String, Object> settings;

    public MembershipProjectionRebuild(MembershipProjection projection, MembershipFeed feed, BatchConsumer batches,
                                       EntityManager em,
                                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                                       @Identifier("default-kafka-broker") Map<String, Object> kafkaSettings) {
        this.projection = projection;
        this.feed = feed;
        this.batches = batches;
        this.em = em;
        this.settings = new HashMap<>(kafkaSettings);
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
    }

    public synchronized Result rebuild() {
        String consumer = projection.consumer();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("TRUNCATE member_view, organization_view").executeUpdate();
            em.createNativeQuery("DELETE FROM processed_event WHERE consumer = ?1 AND event_type LIKE 'org.unionhub.membership.%'")
                    .setParameter(1, consumer).executeUpdate();
        });
        LOG.infof("rebuilding the membership projection of %s from the earliest offsets", consumer);
        // organizations first: a member's organization is known when he arrives
        long organizationRecords = replay(MembershipProjection.ORGANIZATION_TOPIC, records -> batches.consume(consumer, records,
                feed::readOrganizationRecord, events -> feed.applyOrganizationEvents(consumer, events), false));
        long memberRecords = replay(MembershipProjection.MEMBER_TOPIC, records -> batches.consume(consumer, records,
                feed::readMemberRecord, events -> feed.applyMemberEvents(consumer, events, e -> { }), false));
        long[] counts = QuarkusTransaction.requiringNew().call(() -> new long[] {
                ((Number) em.createNativeQuery("SELECT count(*) FROM organization_view").getSingleResult()).longValue(),
                ((Number) em.createNativeQuery("SELECT count(*) FROM member_view").getSingleResult()).longValue()});
        LOG.infof("rebuilt the membership projection of %s: %d organization records, %d member records read; %d organizations, %d members",
                consumer, organizationRecords, memberRecords, counts[0], counts[1]);
        return new Result(organizationRecords, memberRecords, counts[0], counts[1]);
    }

    private long replay(String topic, java.util.function.Consumer<List<ConsumerRecord<String, byte[]>>> apply) {
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            List<PartitionInfo> infos = reader.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null) {
                return 0;
            }
            infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions, Duration.ofSeconds(30));
            long read = 0;
            while (!reachedEnd(reader, end)) {
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                reader.poll(Duration.ofMillis(500)).forEach(batch::add);
                read += batch.size();
                apply.accept(batch);
            }
            return read;
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (reader.position(e.getKey(), Duration.ofSeconds(30)) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
