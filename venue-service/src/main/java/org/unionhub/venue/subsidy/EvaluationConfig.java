package org.unionhub.venue.subsidy;

import io.smallrye.config.ConfigMapping;

import java.math.BigDecimal;
import java.util.Map;

/** {@code venue.evaluation.*}: criteria with their most points, grade thresholds and awards. */
@ConfigMapping(prefix = "venue.evaluation")
public interface EvaluationConfig {

    Map<String, Integer> criteria();

    Map<String, Integer> thresholds();

    Map<String, BigDecimal> awards();
}
