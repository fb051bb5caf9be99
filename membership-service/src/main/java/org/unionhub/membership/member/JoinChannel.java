package org.unionhub.membership.member;

/** ONLINE: self-service from the app, PENDING until the union approves; ON_SITE: entered by staff, ACTIVE at once. */
public enum JoinChannel {
    ONLINE, ON_SITE;

    public Member.Status initialStatus() {
        return this == ONLINE ? Member.Status.PENDING : Member.Status.ACTIVE;
    }
}
