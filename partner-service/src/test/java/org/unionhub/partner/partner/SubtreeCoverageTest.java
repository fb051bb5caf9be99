package org.unionhub.partner.partner;

import org.junit.jupiter.api.Test;
import org.unionhub.partner.subscription.Subscription;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which events a partner and a subscription receive, by the organization path of the event (plain JUnit). */
class SubtreeCoverageTest {

    private final UUID root = UUID.randomUUID();
    private final UUID province = UUID.randomUUID();
    private final UUID city = UUID.randomUUID();
    private final String cityPath = "/" + root + "/" + province + "/" + city + "/";

    @Test
    void aPartnerCoversItsOrganizationAndEverythingBelowIt() {
        Partner p = new Partner();
        p.organizationId = province;
        assertThat(p.covers(cityPath)).isTrue();
        assertThat(p.covers("/" + root + "/" + province + "/")).isTrue();
        assertThat(p.covers("/" + root + "/")).as("the organization above").isFalse();
        assertThat(p.covers("/" + root + "/" + UUID.randomUUID() + "/")).as("a sibling").isFalse();
        assertThat(p.covers(null)).as("an event of no known organization").isFalse();
        p.organizationId = null;
        assertThat(p.covers(null)).as("a partner of the whole tree").isTrue();
    }

    @Test
    void aSubscriptionWantsItsTypesInItsSubtree() {
        Subscription s = new Subscription();
        s.eventTypes = new String[]{"org.unionhub.membership.member.joined.v1"};
        s.organizationId = city;
        assertThat(s.wants("org.unionhub.membership.member.joined.v1", cityPath)).isTrue();
        assertThat(s.wants("org.unionhub.membership.member.left.v1", cityPath)).isFalse();
        assertThat(s.wants("org.unionhub.membership.member.joined.v1", "/" + root + "/" + province + "/")).isFalse();
        assertThat(s.wants("org.unionhub.membership.member.joined.v1", null)).isFalse();
        s.organizationId = null;
        assertThat(s.wants("org.unionhub.membership.member.joined.v1", null)).isTrue();
    }
}
