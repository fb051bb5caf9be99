package org.unionhub.platform.identity;

import java.util.UUID;

/**
 * Materialized organization paths, {@code /<root id>/<child id>/.../<own id>/}: the one place that knows their shape.
 * Subtree questions take ids; callers never build or search the string themselves.
 */
public final class OrganizationPath {

    private OrganizationPath() {
    }

    /** True when {@code organization} is the path's own organization or one of its ancestors. */
    public static boolean isWithin(String path, UUID organization) {
        return path != null && organization != null && path.contains(segment(organization));
    }

    /** A SQL {@code LIKE} pattern matching the paths of the organization's subtree (the organization included). */
    public static String subtreePattern(UUID organization) {
        return "%" + segment(organization) + "%";
    }

    /** The path of a child under {@code parentPath} (a root when the parent path is null). */
    public static String child(String parentPath, UUID organization) {
        return (parentPath == null ? "/" : parentPath) + organization + "/";
    }

    private static String segment(UUID organization) {
        return "/" + organization + "/";
    }
}
