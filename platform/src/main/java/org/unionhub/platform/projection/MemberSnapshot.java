package org.unionhub.platform.projection;

import java.util.List;
import java.util.UUID;

/**
 * The data of every {@code org.unionhub.membership.member.*} and {@code card.*} / {@code honor.*}
 * event: enough for another service to know who a member is and where he belongs, and nothing
 * personal beyond the name (no ID number, no phone).
 *
 * @param organizationAncestors the organization's ancestors, root first (so consumers can count by federation)
 */
public record MemberSnapshot(UUID memberId, String name, String status, UUID organizationId,
                             List<UUID> organizationAncestors, String employmentForm) {

    public String organizationPath() {
        return OrganizationSnapshot.path(organizationAncestors, organizationId);
    }
}
