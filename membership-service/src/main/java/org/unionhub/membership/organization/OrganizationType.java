package org.unionhub.membership.organization;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of union organization and where each may sit in the tree. */
public enum OrganizationType {
    /** 省总工会: the top of a tree. */
    FEDERATION_PROVINCIAL,
    /** 市总工会 */
    FEDERATION_CITY,
    /** 县总工会 */
    FEDERATION_COUNTY,
    /** 基层工会: a leaf, it has no children. */
    GRASSROOTS,
    /** 行业联合工会, e.g. a county's heavy-truck industry joint union. */
    INDUSTRY_JOINT,
    /** 区域联合工会 */
    REGIONAL_JOINT;

    private static final Set<OrganizationType> FEDERATIONS = EnumSet.of(FEDERATION_PROVINCIAL, FEDERATION_CITY, FEDERATION_COUNTY);

    /** The types this type's parent may have; empty for the top of a tree. */
    public Set<OrganizationType> allowedParents() {
        return switch (this) {
            case FEDERATION_PROVINCIAL -> EnumSet.noneOf(OrganizationType.class);
            case FEDERATION_CITY -> EnumSet.of(FEDERATION_PROVINCIAL);
            case FEDERATION_COUNTY -> EnumSet.of(FEDERATION_CITY, FEDERATION_PROVINCIAL);
            // joint unions are founded by a federation at any level
            case INDUSTRY_JOINT, REGIONAL_JOINT -> FEDERATIONS;
            // enterprise unions belong to a federation or to a joint union of their industry or area
            case GRASSROOTS -> EnumSet.of(FEDERATION_PROVINCIAL, FEDERATION_CITY, FEDERATION_COUNTY, INDUSTRY_JOINT, REGIONAL_JOINT);
        };
    }

    public boolean isRoot() {
        return allowedParents().isEmpty();
    }
}
