package com.syncwell.app.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@code serve} node sustains, from this project's benchmarks: {@code bench api} (accepted
 * {@code POST /v1/sync-jobs} per second) and {@code bench sync} (syncs per second).
 *
 * <p>Written {@code api=1700,sync=500}, or as a file of {@code key=value} lines ({@code #}
 * comments).
 */
public record NodeThroughput(double apiRequestsPerSecond, double syncsPerSecond) {
  public NodeThroughput {
    if (!(apiRequestsPerSecond > 0) || !(syncsPerSecond > 0)) {
      throw new InvalidCapacityInput("node throughput must be positive for both api and sync");
    }
  }

  /**
   * @param text {@code api=N,sync=N}, or the path of a file with those lines
   * @throws InvalidCapacityInput when neither
   */
  public static NodeThroughput parse(String text) {
    Path file = Path.of(text);
    List<String> pairs = new ArrayList<>();
    if (!text.contains("=") && Files.isRegularFile(file)) {
      try {
        for (String line : Files.readAllLines(file)) {
          String l = line.strip();
          if (!l.isEmpty() && !l.startsWith("#")) {
            pairs.add(l);
          }
        }
      } catch (IOException e) {
        throw new InvalidCapacityInput(text + ": cannot be read (" + e.getMessage() + ")");
      }
    } else if (text.contains("=")) {
      pairs.addAll(List.of(text.split(",")));
    } else {
      throw new InvalidCapacityInput(
          "--node-throughput: expected api=N,sync=N or a file of such lines, was '" + text + "'");
    }
    Map<String, Double> values = new HashMap<>();
    for (String pair : pairs) {
      String[] kv = pair.split("=", 2);
      String key = kv[0].strip().toLowerCase(Locale.ROOT);
      if (kv.length != 2 || !(key.equals("api") || key.equals("sync"))) {
        throw new InvalidCapacityInput(
            "--node-throughput: expected api=N and sync=N, found '" + pair.strip() + "'");
      }
      try {
        values.put(key, Double.parseDouble(kv[1].strip().replace("_", "")));
      } catch (NumberFormatException e) {
        throw new InvalidCapacityInput(
            "--node-throughput: '" + kv[1].strip() + "' is not a number");
      }
    }
    if (!values.containsKey("api") || !values.containsKey("sync")) {
      throw new InvalidCapacityInput("--node-throughput: both api=N and sync=N are needed");
    }
    return new NodeThroughput(values.get("api"), values.get("sync"));
  }
}
