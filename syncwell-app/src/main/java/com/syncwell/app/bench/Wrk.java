package com.syncwell.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
  String version() throws IOException, InterruptedException {
    // wrk prints its version for -v and then its usage (exit 1): keep the first line.
    Result r = run(List.of("--version"), Duration.ofSeconds(10));
    String line = r.stdout().lines().findFirst().orElse("wrk (version unknown)");
    int copyright = line.indexOf(" Copyright");
    return (copyright > 0 ? line.substring(0, copyright) : line).strip();
  }

  /**
   * Runs {@code wrk args...}, killing it when it outlives {@code bound}.
   *
   * @throws IOException when it cannot start or outlives the bound
   */
  Result run(List<String> args, Duration bound) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(args);
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    CompletableFuture<String> stdout = drain(process.getInputStream());
    CompletableFuture<String> stderr = drain(process.getErrorStream());
    if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
      throw new IOException("wrk did not finish within " + bound.toSeconds() + " s");
    }
    try {
      return new Result(process.exitValue(), stdout.get(), stderr.get());
    } catch (ExecutionException e) {
      throw new IOException("cannot read wrk's output", e.getCause());
    }
  }

  /** A finished run. */
  record Result(int exitCode, String stdout, String stderr) {}

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        r -> Thread.ofVirtual().start(r));
  }
}
