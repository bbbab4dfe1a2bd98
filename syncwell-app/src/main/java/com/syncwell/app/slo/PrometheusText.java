package com.syncwell.app.slo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Prometheus text exposition format (version 0.0.4, what {@code /metrics} serves): one
 * sample per line, {@code name{label="value",...} value [timestamp]}; comments and blank lines are
 * skipped. A line that does not parse is an {@link IllegalArgumentException} naming its number.
 */
public final class PrometheusText {
  private PrometheusText() {}

  public static List<MetricSample> parse(String text) {
    List<MetricSample> samples = new ArrayList<>();
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      try {
        samples.add(parseLine(l));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("metrics line " + number + " does not parse", e);
      }
    }
    return samples;
  }

  private static MetricSample parseLine(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    Map<String, String> labels = new LinkedHashMap<>();
    String name;
    int rest;
    if (brace >= 0 && (space < 0 || brace < space)) {
      name = line.substring(0, brace);
      rest = labels(line, brace + 1, labels);
    } else {
      name = line.substring(0, space);
      rest = space;
    }
    String[] tail = line.substring(rest).strip().split("\\s+");
    return new MetricSample(name, labels, value(tail[0]));
  }

  /** Reads {@code key="value",...}} from {@code at}; returns the index after the closing brace. */
  private static int labels(String line, int at, Map<String, String> into) {
    int i = at;
    while (true) {
      while (line.charAt(i) == ',' || line.charAt(i) == ' ') {
        i++;
      }
      if (line.charAt(i) == '}') {
        return i + 1;
      }
      int eq = line.indexOf('=', i);
      String key = line.substring(i, eq).strip();
      if (line.charAt(eq + 1) != '"') {
        throw new IllegalArgumentException("label value not quoted");
      }
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      for (; line.charAt(j) != '"'; j++) {
        char c = line.charAt(j);
        if (c == '\\') {
          char next = line.charAt(++j);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
      }
      into.put(key, value.toString());
      i = j + 1;
    }
  }

  private static double value(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }
}
