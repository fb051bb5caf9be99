package org.unionhub.membership.organization;

import org.unionhub.platform.event.EventTypes;

/** Events on {@code membership.organization.v1}; data is an {@link org.unionhub.platform.projection.OrganizationSnapshot}. */
public final class OrganizationEvents {

    public static final String TOPIC = "membership.organization.v1";
    public static final String CREATED = EventTypes.type("membership", "organization", "created", 1);
    public static final String UPDATED = EventTypes.type("membership", "organization", "updated", 1);

    private OrganizationEvents() {
    }
}
