package org.unionhub.platform.identity;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationPathTest {

    private static final UUID PROVINCE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID CITY = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    @Test
    void anOrganizationIsWithinItselfAndItsAncestorsOnly() {
        String city = OrganizationPath.child(OrganizationPath.child(null, PROVINCE), CITY);
        assertThat(city).isEqualTo("/" + PROVINCE + "/" + CITY + "/");
        assertThat(OrganizationPath.isWithin(city, PROVINCE)).isTrue();
        assertThat(OrganizationPath.isWithin(city, CITY)).isTrue();
        assertThat(OrganizationPath.isWithin(city, OTHER)).isFalse();
        assertThat(OrganizationPath.isWithin(null, PROVINCE)).isFalse();
    }

    @Test
    void aPrefixOfAnIdIsNotAnAncestor() {
        String path = "/" + PROVINCE + "/";
        UUID truncated = UUID.fromString("00000000-0000-0000-0000-0000000000a0");
        assertThat(OrganizationPath.isWithin(path, truncated)).isFalse();
        assertThat(OrganizationPath.subtreePattern(PROVINCE)).isEqualTo("%/" + PROVINCE + "/%");
    }
}
