package com.syncwell.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.simulator.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/fixtures/providers} by walking up from the working directory. */
final class Fixtures {
  private Fixtures() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared/fixtures/providers");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "shared/fixtures/providers not found above the working directory");
  }

  static JsonNode json(String relative) throws IOException {
    return Json.parse(Files.readAllBytes(root().resolve(relative)));
  }
}
