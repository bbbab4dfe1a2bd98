package com.syncwell.api.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Request headers with case-insensitive names; values in the order received. */
public final class Headers {
  private final Map<String, List<String>> values;

  private Headers(Map<String, List<String>> values) {
    this.values = values;
  }

  /** A copy of {@code raw}; names compared without case. */
  public static Headers of(Map<String, List<String>> raw) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    raw.forEach((name, list) -> copy.merge(name, List.copyOf(list), Headers::concat));
    return new Headers(Collections.unmodifiableMap(copy));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /** The first value of {@code name}. */
  public Optional<String> first(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /** Every value of {@code name}, possibly none. */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** All headers, names case-insensitive. */
  public Map<String, List<String>> asMap() {
    return values;
  }
}
