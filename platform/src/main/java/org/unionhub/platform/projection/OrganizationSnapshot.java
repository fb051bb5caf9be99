package org.unionhub.platform.projection;

import java.util.List;
import java.util.UUID;

/** The data of {@code organization.created} / {@code organization.updated}. */
public record OrganizationSnapshot(UUID organizationId, String name, String type, UUID parentId,
                                   List<UUID> ancestors) {

    public String path() {
        return path(ancestors, organizationId);
    }

    /** {@code /root/.../parent/self/}: a subtree is every path that starts with its root's path. */
    public static String path(List<UUID> ancestors, UUID self) {
        StringBuilder sb = new StringBuilder("/");
        if (ancestors != null) {
            for (UUID a : ancestors) {
                sb.append(a).append('/');
            }
        }
        return sb.append(self).append('/').toString();
    }
}
