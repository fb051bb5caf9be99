package org.unionhub.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** For tests: reads samples out of a Prometheus text exposition (an app's {@code /q/metrics}). */
public final class Metrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private Metrics() {
    }

    public static List<Sample> parse(String exposition) {
        List<Sample> samples = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            // an exemplar (OpenMetrics, with tracing on) follows the value after " # "
            int exemplar = line.indexOf(" # ");
            Matcher m = SAMPLE.matcher((exemplar < 0 ? line : line.substring(0, exemplar)).strip());
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return samples;
    }

    /** The samples of a metric whose labels include all of {@code labels}. */
    public static List<Sample> find(String exposition, String name, Map<String, String> labels) {
        return parse(exposition).stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> labels.entrySet().stream().allMatch(e -> e.getValue().equals(s.labels().get(e.getKey()))))
                .toList();
    }

    /** Sum of the matching samples (NaN ignored); 0 when there is none. */
    public static double sum(String exposition, String name, Map<String, String> labels) {
        return find(exposition, name, labels).stream().mapToDouble(Sample::value).filter(v -> !Double.isNaN(v)).sum();
    }
}
