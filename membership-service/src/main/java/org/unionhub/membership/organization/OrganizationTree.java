package org.unionhub.membership.organization;

import org.unionhub.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The placement rules of the union tree and the path arithmetic, free of persistence. */
public final class OrganizationTree {

    private OrganizationTree() {
    }

    /**
     * A parent must exist and sit higher: only a provincial federation is a root, a county
     * federation's parent is a city or provincial one, a grassroots union has no children.
     *
     * @param parentType null when no parent was given
     */
    public static void checkPlacement(OrganizationType type, OrganizationType parentType) {
        if (parentType == null) {
            if (!type.isRoot()) {
                throw ProblemException.invalid("parentId", "a " + type + " needs a parent organization");
            }
            return;
        }
        if (type.isRoot()) {
            throw ProblemException.rule("organization-placement", "a " + type + " is the top of a tree and has no parent");
        }
        if (!type.allowedParents().contains(parentType)) {
            throw ProblemException.rule("organization-placement",
                    "a " + type + " cannot sit under a " + parentType + " (allowed: " + type.allowedParents() + ")")
                    .with("allowedParentTypes", type.allowedParents());
        }
    }

    /** The ancestors named by a path, root first, without the organization itself. */
    public static List<UUID> ancestors(String path) {
        List<UUID> all = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                all.add(UUID.fromString(part));
            }
        }
        return all.isEmpty() ? all : all.subList(0, all.size() - 1);
    }
}
