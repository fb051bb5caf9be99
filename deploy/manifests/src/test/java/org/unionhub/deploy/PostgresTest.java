package org.unionhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionhub.deploy.Manifests.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionhub.deploy.KubernetesTest.BASE;
import static org.unionhub.deploy.KubernetesTest.DEV;
import static org.unionhub.deploy.KubernetesTest.PROD;
import static org.unionhub.deploy.KubernetesTest.rendered;
import static org.unionhub.deploy.Manifests.find;
import static org.unionhub.deploy.Manifests.ofKind;

/** CloudNativePG resources against the databases the services use. */
class PostgresTest {

    private final Repo repo = Repo.get();

    static Resource cluster(List<Resource> all, String dir) {
        List<Resource> clusters = ofKind(all, "Cluster");
        assertThat(clusters).as(dir + ": exactly one CloudNativePG Cluster").hasSize(1);
        return clusters.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, PROD})
    void the_cluster_has_three_instances_and_backups(String dir) {
        List<Resource> all = rendered(dir);
        Resource cluster = cluster(all, dir);
        List<String> problems = new ArrayList<>();
        if (cluster.at("/spec/instances").asInt() != 3) {
            problems.add(cluster.where() + ": instances " + cluster.at("/spec/instances").asText() + " instead of 3");
        }
        JsonNode backup = cluster.at("/spec/backup");
        if (backup.path("barmanObjectStore").isMissingNode() || backup.path("retentionPolicy").isMissingNode()) {
            problems.add(cluster.where() + ": no backup.barmanObjectStore with a retentionPolicy");
        }
        boolean scheduled = ofKind(all, "ScheduledBackup").stream()
                .anyMatch(b -> b.at("/spec/cluster/name").asText().equals(cluster.name()));
        if (!scheduled) {
            problems.add(dir + ": no ScheduledBackup of cluster " + cluster.name());
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, DEV, PROD})
    void each_service_uses_its_own_database_and_login_on_the_cluster(String dir) {
        List<Resource> all = rendered(dir);
        Resource cluster = cluster(all, dir);
        List<String> problems = new ArrayList<>();
        for (Repo.App app : repo.apps()) {
            Optional<Resource> dep = find(all, "Deployment", app.name());
            if (!app.usesDatabase() || dep.isEmpty()) {
                continue;
            }
            String db = app.databaseName();
            String url = KubernetesTest.configValue(all, dep.get(), "QUARKUS_DATASOURCE_JDBC_URL");
            String expected = "jdbc:postgresql://" + cluster.name() + "-rw:5432/" + db;
            if (!expected.equals(url)) {
                problems.add(dep.get().where() + ": QUARKUS_DATASOURCE_JDBC_URL " + url + " instead of " + expected
                        + " (the primary of " + cluster.name() + ", database of " + app.propertiesFile() + ")");
            }
            Optional<Resource> database = ofKind(all, "Database").stream()
                    .filter(d -> d.at("/spec/name").asText().equals(db)).findFirst();
            if (database.isEmpty()) {
                problems.add(dir + ": no CloudNativePG Database " + db + " for " + app.name());
            } else if (!database.get().at("/spec/owner").asText().equals(db)
                    || !database.get().at("/spec/cluster/name").asText().equals(cluster.name())) {
                problems.add(database.get().where() + ": must be owned by login " + db + " on cluster " + cluster.name());
            }
            String secret = Manifests.stream(dep.get().at("/spec/template/spec/containers/0/env"))
                    .filter(e -> e.path("name").asText().equals("QUARKUS_DATASOURCE_PASSWORD"))
                    .map(e -> e.at("/valueFrom/secretKeyRef/name").asText()).findFirst().orElse("");
            boolean roleUsesSecret = Manifests.stream(cluster.at("/spec/managed/roles"))
                    .anyMatch(r -> r.path("name").asText().equals(db) && r.at("/passwordSecret/name").asText().equals(secret))
                    || (cluster.at("/spec/bootstrap/initdb/owner").asText().equals(db)
                    && cluster.at("/spec/bootstrap/initdb/secret/name").asText().equals(secret));
            if (!roleUsesSecret) {
                problems.add(cluster.where() + ": login " + db + " does not take its password from secret '" + secret
                        + "', which " + app.name() + " uses");
            }
            boolean hba = Manifests.stream(cluster.at("/spec/postgresql/pg_hba"))
                    .anyMatch(r -> r.asText().matches("host(ssl)?\\s+" + db + "\\s+" + db + "\\s+.*scram-sha-256"));
            if (!hba) {
                problems.add(cluster.where() + ": pg_hba does not admit login " + db + " to database " + db);
            }
        }
        for (JsonNode rule : cluster.at("/spec/postgresql/pg_hba")) {
            String[] f = rule.asText().trim().split("\\s+");
            if (f.length >= 5 && !f[f.length - 1].equals("reject") && !f[1].equals(f[2])) {
                problems.add(cluster.where() + ": pg_hba '" + rule.asText() + "' lets login " + f[2] + " into database " + f[1]);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void dev_runs_without_backups_but_prod_keeps_them() {
        assertThat(cluster(rendered(DEV), DEV).at("/spec/backup").isMissingNode())
                .as(DEV + ": the development cluster does not archive to the production store").isTrue();
        assertThat(cluster(rendered(PROD), PROD).at("/spec/backup").isMissingNode()).as(PROD + ": backups").isFalse();
    }
}
