package com.syncwell.app.cli;

import com.syncwell.app.bench.StoreBenchmarks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code syncwell bench}: throughput of the embedded store and queue. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks of the embedded metadata table and job queue (not part of the tests).",
      "Prints operations per second and latency percentiles, one line per benchmark.",
      "`bench sync`: the sync engine benchmark; `bench api`: the HTTP API benchmark (wrk);",
      "`bench scale-out`: the same on DynamoDB/SQS emulators and Redis, side by side."
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--seconds",
      defaultValue = "3",
      description = "Measured seconds per benchmark, 1 to 600 (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--dir",
      description = "Directory for the benchmark files (default: a temporary one, removed after).")
  Path directory;

  @Override
  public Integer call() throws Exception {
    if (seconds < 1 || seconds > 600) {
      throw new ParameterException(
          spec.commandLine(), "--seconds must be 1 to 600, was " + seconds);
    }
    boolean temporary = directory == null;
    Path dir = temporary ? Files.createTempDirectory("syncwell-bench") : directory;
    spec.commandLine()
        .getOut()
        .printf("SyncWell embedded store benchmarks (%d s each, %d cores)%n", seconds, cores());
    try {
      new StoreBenchmarks(dir, Duration.ofSeconds(seconds), spec.commandLine().getOut()).runAll();
    } finally {
      if (temporary) {
        deleteTree(dir);
      }
    }
    return ExitCodes.OK;
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
