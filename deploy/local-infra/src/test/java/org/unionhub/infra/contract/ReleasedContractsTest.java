package org.unionhub.infra.contract;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's compatibility check: every service's current event schema is compatible with its released baseline in
 * contracts/ (docs/partners.md, "Compatibility"). A breaking change needs a new major version of the type, or a
 * deliberate new baseline (contracts/release.sh) when nobody consumes the type yet.
 */
class ReleasedContractsTest {

    static Path repositoryRoot() {
        String configured = System.getProperty("unionhub.root");
        Path root = configured != null ? Path.of(configured) : Path.of("../..");
        return root.toAbsolutePath().normalize();
    }

    @Test
    void everyCurrentSchemaIsCompatibleWithItsReleasedBaseline() throws Exception {
        Path root = repositoryRoot();
        assertThat(root.resolve("contracts")).as("released schemas at the repository root").isDirectory();
        List<String> breaking = ReleasedContracts.breakingChanges(root);
        assertThat(breaking).as("breaking changes against contracts/ (bump the type's version instead, see docs/partners.md)")
                .isEmpty();
    }

    @Test
    void everyServiceHasReleasedSchemas() {
        Path root = repositoryRoot();
        for (String service : List.of("membership", "venue", "assistance", "competition")) {
            assertThat(root.resolve("contracts/" + service)).isDirectoryContaining(p -> p.toString().endsWith(".v1.json"));
            assertThat(Files.isDirectory(root.resolve(service + "-service/src/main/resources/events"))).isTrue();
        }
    }
}
