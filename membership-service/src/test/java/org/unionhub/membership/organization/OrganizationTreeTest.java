package org.unionhub.membership.organization;

import org.junit.jupiter.api.Test;
import org.unionhub.platform.identity.OrganizationPath;
import org.unionhub.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unionhub.membership.organization.OrganizationType.*;

class OrganizationTreeTest {

    @Test
    void theFederationLadderIsAllowed() {
        assertThatCode(() -> {
            OrganizationTree.checkPlacement(FEDERATION_PROVINCIAL, null);
            OrganizationTree.checkPlacement(FEDERATION_CITY, FEDERATION_PROVINCIAL);
            OrganizationTree.checkPlacement(FEDERATION_COUNTY, FEDERATION_CITY);
            OrganizationTree.checkPlacement(FEDERATION_COUNTY, FEDERATION_PROVINCIAL);
            OrganizationTree.checkPlacement(INDUSTRY_JOINT, FEDERATION_COUNTY);
            OrganizationTree.checkPlacement(GRASSROOTS, INDUSTRY_JOINT);
            OrganizationTree.checkPlacement(GRASSROOTS, FEDERATION_CITY);
        }).doesNotThrowAnyException();
    }

    @Test
    void aGrassrootsUnionHasNoChildren() {
        for (OrganizationType t : OrganizationType.values()) {
            if (t != FEDERATION_PROVINCIAL) {
                assertRefused(t, GRASSROOTS);
            }
        }
    }

    @Test
    void aParentMustSitHigher() {
        assertRefused(FEDERATION_COUNTY, FEDERATION_COUNTY);
        assertRefused(FEDERATION_CITY, FEDERATION_COUNTY);
        assertRefused(FEDERATION_COUNTY, INDUSTRY_JOINT);
        assertRefused(INDUSTRY_JOINT, REGIONAL_JOINT);
        assertRefused(FEDERATION_PROVINCIAL, FEDERATION_PROVINCIAL);
    }

    @Test
    void onlyAProvincialFederationMayStandWithoutParent() {
        assertThatThrownBy(() -> OrganizationTree.checkPlacement(GRASSROOTS, null))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.errors().get(0).field()).isEqualTo("parentId"));
    }

    @Test
    void pathsListAncestorsRootFirst() {
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID();
        String path = OrganizationPath.child(OrganizationPath.child(OrganizationPath.child(null, a), b), c);
        assertThat(path).isEqualTo("/" + a + "/" + b + "/" + c + "/");
        assertThat(OrganizationTree.ancestors(path)).isEqualTo(List.of(a, b));
        assertThat(OrganizationTree.ancestors("/" + a + "/")).isEmpty();
    }

    private static void assertRefused(OrganizationType type, OrganizationType parent) {
        assertThatThrownBy(() -> OrganizationTree.checkPlacement(type, parent))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(422));
    }
}
