package com.syncwell.app.slo;

import java.util.Map;
import java.util.Objects;

/** One line of Prometheus text: a series name, its labels and its value. */
public record MetricSample(String name, Map<String, String> labels, double value) {
  public MetricSample {
    Objects.requireNonNull(name, "name");
    labels = Map.copyOf(labels);
  }

  public String label(String key) {
    return labels.getOrDefault(key, "");
  }
}
