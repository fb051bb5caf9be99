package org.unionhub.infra.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The released schemas under {@code contracts/<service>/<type>.json} at the repository root, compared with the
 * service's current ones in {@code <service>-service/src/main/resources/events/<type>.json}.
 */
public final class ReleasedContracts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReleasedContracts() {
    }

    /** Every breaking change of every released type of every service, one line each; empty when all are compatible. */
    public static List<String> breakingChanges(Path repositoryRoot) throws IOException {
        List<String> problems = new ArrayList<>();
        Path contracts = repositoryRoot.resolve("contracts");
        if (!Files.isDirectory(contracts)) {
            return problems;
        }
        try (Stream<Path> services = Files.list(contracts)) {
            for (Path serviceDir : services.filter(Files::isDirectory).sorted().toList()) {
                String service = serviceDir.getFileName().toString();
                Path current = repositoryRoot.resolve(service + "-service/src/main/resources/events");
                try (Stream<Path> released = Files.list(serviceDir)) {
                    for (Path file : released.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                        String name = file.getFileName().toString();
                        String type = name.substring(0, name.length() - ".json".length());
                        Path now = current.resolve(name);
                        if (!Files.exists(now)) {
                            problems.add(service + " " + type + ": released but no longer in " + repositoryRoot.relativize(current)
                                    + " (consumers still read it; retire a type only by deleting it from contracts/ on purpose)");
                            continue;
                        }
                        JsonNode before = JSON.readTree(file.toFile());
                        JsonNode after = JSON.readTree(now.toFile());
                        for (String change : Compatibility.breakingChanges(before, after)) {
                            problems.add(service + " " + type + " " + change);
                        }
                    }
                }
            }
        }
        return problems;
    }
}
