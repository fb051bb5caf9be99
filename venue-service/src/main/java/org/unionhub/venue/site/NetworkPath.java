package org.unionhub.venue.site;

import org.unionhub.platform.problem.ProblemException;

import java.util.UUID;

/**
 * A venue's place in its network as the path of VENUE ids from the root, {@code /root/.../self/}: a subtree
 * is every path with the subtree root's prefix, and a venue is its own ancestor exactly when the new
 * parent's path already contains it. Not an organization path (those are {@code OrganizationPath}'s): the two trees
 * are independent, a venue network may span organizations.
 */
public final class NetworkPath {

    private NetworkPath() {
    }

    public static String of(String parentPath, UUID self) {
        return (parentPath == null ? "/" : parentPath) + self + "/";
    }

    /** Refuses a parent that is the venue itself or lies below it. */
    public static void requireAcyclic(UUID venue, UUID newParent, String newParentPath) {
        if (venue.equals(newParent) || passesThroughVenue(newParentPath, venue)) {
            throw ProblemException.conflict("network-cycle",
                    "venue " + venue + " cannot be placed under " + newParent + ": a venue cannot be its own ancestor");
        }
    }

    /** True when {@code venue} is on the network path: the path's own venue or one of its ancestor venues. */
    static boolean passesThroughVenue(String networkPath, UUID venue) {
        return networkPath.contains("/" + venue + "/");
    }

    public static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count() - 1;
    }
}
