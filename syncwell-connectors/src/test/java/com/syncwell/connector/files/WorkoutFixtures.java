package com.syncwell.connector.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real workout files in {@code shared/fixtures/providers/workout-files}, found by walking up
 * from the working directory (the module's, under Maven) to the folder that holds {@code shared/}.
 */
final class WorkoutFixtures {
  private static final Path PROVIDERS = Path.of("shared", "fixtures", "providers");

  private WorkoutFixtures() {}

  static Path folder() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(PROVIDERS);
      if (Files.isDirectory(candidate)) {
        return candidate.resolve("workout-files");
      }
    }
    throw new IllegalStateException(
        "no "
            + PROVIDERS
            + " folder in "
            + start
            + " or any folder above it: the tests need the shared fixtures beside the repository");
  }

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(folder().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("fixture " + name, e);
    }
  }
}
