package com.syncwell.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Typed, validated reads of environment variables; every failure names the variable. */
final class Environment {
  private final Map<String, String> variables;

  Environment(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  /** The trimmed value, empty when unset or blank (blank counts as unset). */
  Optional<String> text(String name) {
    return Optional.ofNullable(variables.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  Optional<Secret> secret(String name) {
    return text(name).map(Secret::new);
  }

  int integer(String name, int defaultValue, int min, int max) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidSetting(
        name, "must be a whole number from " + min + " to " + max + ", was '" + raw.get() + "'");
  }

  boolean bool(String name, boolean defaultValue) {
    return text(name)
        .map(
            raw ->
                switch (raw.toLowerCase(Locale.ROOT)) {
                  case "true", "1", "yes" -> true;
                  case "false", "0", "no" -> false;
                  default ->
                      throw new InvalidSetting(name, "must be true or false, was '" + raw + "'");
                })
        .orElse(defaultValue);
  }

  <E extends Enum<E>> E choice(String name, E defaultValue) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    E[] options = defaultValue.getDeclaringClass().getEnumConstants();
    return Arrays.stream(options)
        .filter(o -> o.name().equalsIgnoreCase(raw.get()))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidSetting(
                    name,
                    "must be one of "
                        + Arrays.stream(options)
                            .map(o -> o.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", "))
                        + ", was '"
                        + raw.get()
                        + "'"));
  }

  /** An absolute URL with one of {@code schemes} and a host. */
  Optional<URI> url(String name, Set<String> schemes) {
    return text(name).map(raw -> parseUrl(name, raw, schemes));
  }

  Optional<Path> path(String name) {
    return text(name)
        .map(
            raw -> {
              try {
                return Path.of(raw);
              } catch (InvalidPathException e) {
                throw new InvalidSetting(name, "is not a valid path");
              }
            });
  }

  static URI parseUrl(String name, String raw, Set<String> schemes) {
    try {
      URI uri = new URI(raw);
      if (uri.getScheme() != null
          && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new InvalidSetting(
        name,
        "must be an absolute "
            + String.join(" or ", schemes.stream().sorted().toList())
            + " URL with a host");
  }
}
