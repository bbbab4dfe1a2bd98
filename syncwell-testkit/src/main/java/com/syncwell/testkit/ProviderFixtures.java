package com.syncwell.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real provider payloads and workout files of the shared fixtures folder ({@code
 * shared/fixtures/providers} beside the repository), found by walking up from the working
 * directory.
 */
public final class ProviderFixtures {
  private static final Path ROOT = locate();

  private ProviderFixtures() {}

  /** The fixtures folder. */
  public static Path root() {
    return ROOT;
  }

  /**
   * A fixture by its path below the folder, e.g. {@code
   * strava/athlete-activities.docs-example.json}.
   */
  public static Path path(String relative) {
    Path p = ROOT.resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("no fixture " + relative + " in " + ROOT);
    }
    return p;
  }

  public static String text(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path locate() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("fixtures").resolve("providers");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/fixtures/providers not found above " + Path.of("").toAbsolutePath());
  }
}
