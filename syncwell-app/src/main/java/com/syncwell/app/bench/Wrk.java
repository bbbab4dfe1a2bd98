package com.syncwell.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The wrk load generator (<a href="https://github.com/wg/wrk">wg/wrk</a> 4.x, e.g. Debian's {@code
 * wrk} package) as a child process: found on the {@code PATH}, run for a bounded time, its standard
 * output returned. Each run is its own process; one at a time.
 */
final class Wrk {
  private final Path executable;

  Wrk(Path executable) {
    this.executable = executable;
  }

  /** The first executable {@code wrk} in a {@code PATH} value. */
  static Optional<Wrk> onPath(String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(Pattern.quote(java.io.File.pathSeparator))) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, "wrk");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(new Wrk(candidate));
      }
    }
    return Optional.empty();
  }

  Path executable() {
    return executable;
  }

  /** wrk's own version line without its copyright, e.g. {@code wrk debian/4.1.0-3+b2 [epoll]}. */
  String version(Path scratch) throws IOException, InterruptedException {
    // wrk prints its version for -v and then its usage (exit 1): keep the first line.
    Result r = run(List.of("--version"), Duration.ofSeconds(10), scratch);
    String line = r.stdout().lines().findFirst().orElse("wrk (version unknown)");
    int copyright = line.indexOf(" Copyright");
    return (copyright > 0 ? line.substring(0, copyright) : line).strip();
  }

  /**
   * Runs {@code wrk args...}, killing it when it outlives {@code bound}. Its output goes to files
   * next to {@code scratch}, not through pipes: a virtual thread blocked reading a pipe holds one
   * of the few carrier threads the API under test runs on.
   *
   * @param scratch a directory for the output files (removed again)
   * @throws IOException when it cannot start or outlives the bound
   */
  Result run(List<String> args, Duration bound, Path scratch)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(args);
    Path stdout = Files.createTempFile(scratch, "wrk-", ".out");
    Path stderr = Files.createTempFile(scratch, "wrk-", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      process.getOutputStream().close();
      if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        throw new IOException("wrk did not finish within " + bound.toSeconds() + " s");
      }
      return new Result(
          process.exitValue(),
          Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  /** A finished run. */
  record Result(int exitCode, String stdout, String stderr) {}
}
