package org.unionhub.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/observability: alert rules and the dashboard, against the consumer groups, topics and apps of the code. */
class ObservabilityTest {

    static final String ALERTS = "deploy/observability/prometheus-alerts.yaml";
    static final String DASHBOARD = "deploy/observability/grafana-dashboard.json";
    static final Pattern GROUP_MATCHER = Pattern.compile("consumergroup=~\"([^\"]+)\"");
    static final Pattern DLQ_MATCHER = Pattern.compile("topic=~\"([^\"]+)\"");

    private final Repo repo = Repo.get();

    static List<JsonNode> rules() {
        List<JsonNode> rules = new ArrayList<>();
        List<JsonNode> docs = Manifests.documents(Repo.get().path(ALERTS));
        assertThat(docs).as(ALERTS + " holds one document").hasSize(1);
        docs.get(0).path("groups").forEach(g -> g.path("rules").forEach(rules::add));
        return rules;
    }

    static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(Repo.get().path(DASHBOARD).toFile());
    }

    @Test
    void alert_rules_cover_outbox_backlog_dead_letters_consumer_lag_and_server_errors() {
        List<JsonNode> rules = rules();
        List<String> problems = new ArrayList<>();
        for (JsonNode r : rules) {
            String name = r.path("alert").asText();
            if (name.isEmpty() || r.path("expr").asText().isBlank()) {
                problems.add(ALERTS + ": a rule without alert name or expr: " + r);
            }
            if (!Set.of("warning", "critical").contains(r.at("/labels/severity").asText())) {
                problems.add(ALERTS + ": " + name + " has no severity warning|critical");
            }
            if (r.at("/annotations/summary").asText().isBlank()) {
                problems.add(ALERTS + ": " + name + " has no summary");
            }
        }
        for (String metric : List.of("unionhub_outbox_backlog", "unionhub_outbox_oldest_age_seconds", "kafka_consumergroup_lag",
                "kafka_topic_partition_current_offset", "http_server_requests_seconds_count{status=~\"5..\"}")) {
            if (rules.stream().noneMatch(r -> r.path("expr").asText().contains(metric))) {
                problems.add(ALERTS + ": no alert on " + metric);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void lag_and_dead_letter_alerts_match_the_consumer_groups_and_topics_of_the_code() throws IOException {
        List<String> sources = new ArrayList<>();
        rules().forEach(r -> sources.add(ALERTS + " " + r.path("alert").asText() + "\u0000" + r.path("expr").asText()));
        for (JsonNode p : dashboard().path("panels")) {
            p.path("targets").forEach(t -> sources.add(DASHBOARD + " panel '" + p.path("title").asText() + "'\u0000" + t.path("expr").asText()));
        }
        Set<String> groups = new TreeSet<>();
        Set<String> dlqs = new TreeSet<>();
        repo.apps().forEach(a -> {
            groups.addAll(a.consumerGroups());
            dlqs.addAll(a.deadLetterTopics());
        });
        List<String> problems = new ArrayList<>();
        for (String s : sources) {
            String where = s.substring(0, s.indexOf('\u0000'));
            String expr = s.substring(s.indexOf('\u0000') + 1);
            Matcher g = GROUP_MATCHER.matcher(expr);
            while (g.find()) {
                Pattern regex = Pattern.compile(g.group(1));
                groups.stream().filter(group -> !regex.matcher(group).matches())
                        .forEach(group -> problems.add(where + ": consumergroup=~\"" + g.group(1) + "\" misses group " + group));
            }
            Matcher d = DLQ_MATCHER.matcher(expr);
            while (d.find()) {
                Pattern regex = Pattern.compile(d.group(1).replace("\\\\", "\\"));
                dlqs.stream().filter(t -> !regex.matcher(t).matches())
                        .forEach(t -> problems.add(where + ": topic=~\"" + d.group(1) + "\" misses dead-letter topic " + t));
                repo.topicsInCode().keySet().stream().filter(t -> !t.endsWith(".dlq") && regex.matcher(t).matches())
                        .forEach(t -> problems.add(where + ": topic=~\"" + d.group(1) + "\" also counts live topic " + t));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_unionhub_metric_queried_is_registered_by_the_code() throws IOException {
        Map<String, String> meters = repo.meters();
        List<String> sources = new ArrayList<>();
        rules().forEach(r -> sources.add(ALERTS + " " + r.path("alert").asText() + "\u0000" + r.path("expr").asText()));
        for (JsonNode p : dashboard().path("panels")) {
            p.path("targets").forEach(t -> sources.add(DASHBOARD + " panel '" + p.path("title").asText() + "'\u0000" + t.path("expr").asText()));
        }
        List<String> problems = new ArrayList<>();
        Pattern metric = Pattern.compile("\\b(unionhub_[a-z0-9_]+)");
        for (String s : sources) {
            Matcher m = metric.matcher(s.substring(s.indexOf('\u0000') + 1));
            while (m.find()) {
                if (!meters.containsKey(m.group(1))) {
                    problems.add(s.substring(0, s.indexOf('\u0000')) + ": queries " + m.group(1)
                            + ", which no Gauge/Counter/Timer.builder in the code registers (registered: " + meters.keySet() + ")");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_dashboard_offers_every_app_and_every_panel_has_a_query() throws IOException {
        JsonNode dash = dashboard();
        List<String> problems = new ArrayList<>();
        if (dash.path("uid").asText().isBlank()) {
            problems.add(DASHBOARD + ": no uid");
        }
        for (JsonNode p : dash.path("panels")) {
            if (p.path("targets").size() == 0 || Manifests.stream(p.path("targets")).anyMatch(t -> t.path("expr").asText().isBlank())) {
                problems.add(DASHBOARD + ": panel '" + p.path("title").asText() + "' has no query");
            }
        }
        String apps = Manifests.stream(dash.at("/templating/list")).filter(v -> v.path("name").asText().equals("app"))
                .map(v -> v.path("query").asText()).findFirst().orElse("");
        Set<String> offered = Set.of(apps.split(","));
        repo.apps().stream().filter(a -> !offered.contains(a.name()))
                .forEach(a -> problems.add(DASHBOARD + ": variable 'app' does not offer " + a.name()));
        assertThat(problems).isEmpty();
        assertThat(Path.of(DASHBOARD).getFileName().toString()).endsWith(".json");
    }
}
