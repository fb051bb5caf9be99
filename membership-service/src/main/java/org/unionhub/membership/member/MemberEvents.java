package org.unionhub.membership.member;

import org.unionhub.platform.event.EventTypes;

/** The events members publish on {@code membership.member.v1}; data is a {@link org.unionhub.platform.projection.MemberSnapshot}. */
public final class MemberEvents {

    public static final String TOPIC = "membership.member.v1";
    public static final String JOINED = EventTypes.type("membership", "member", "joined", 1);

    private MemberEvents() {
    }
}
