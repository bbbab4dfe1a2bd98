package com.syncwell.app.cli;

import com.syncwell.app.bench.ApiBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code syncwell bench api}: wrk against the HTTP API's job acceptance and a bare endpoint. */
@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    description = {
      "HTTP API benchmark (not part of the tests): wrk on loopback against POST /v1/sync-jobs",
      "(N users seeded in a temporary data directory, one dev token each, a unique",
      "Idempotency-Key per request, limits raised, no workers) and a bare GET /healthz;",
      "after a warm-up: both as fast as they answer, then POST paced to 2,605 req/s.",
      "Prints req/s, latency percentiles, errors, a queue check, CPU per request and RSS;",
      "the last line is PASS/FAIL. Needs wrk 4.x on the PATH (Debian/Ubuntu: apt-get install wrk).",
      "Heap cap as in the issue: SYNCWELL_JAVA_OPTS=-Xmx512m ./syncwell bench api"
    })
final class BenchApiCommand implements Callable<Integer> {
  private final Map<String, String> environment;

  @Spec CommandSpec spec;

  @Option(
      names = "--users",
      defaultValue = "1000",
      description = "Users with a token and a config, 1 to 10000 (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--seconds",
      defaultValue = "15",
      description = "Seconds of each measured wrk run, 1 to 600 (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--connections",
      defaultValue = "64",
      description =
          "wrk connections (-c), an even number from 2 to 1024, shared by 2 wrk threads"
              + " (default: ${DEFAULT-VALUE}).")
  int connections;

  BenchApiCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    requireBetween("--users", users, 1, 10_000);
    requireBetween("--seconds", seconds, 1, 600);
    requireBetween("--connections", connections, 2, 1024);
    if (connections % 2 != 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--connections must be even (wrk splits them over 2 threads), was " + connections);
    }
    Optional<Path> wrk = ApiBenchmark.wrkOnPath(environment.get("PATH"));
    if (wrk.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "syncwell bench api: needs wrk on the PATH and found none (Debian/Ubuntu: apt-get"
                  + " install wrk)");
      return ExitCodes.USAGE;
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("syncwell-bench-api");
    QuietLogs.warnOnly("com.syncwell", "io.javalin");
    try {
      boolean pass =
          new ApiBenchmark(
                  new ApiBenchmark.Options(users, seconds, connections), wrk.get(), dir, out)
              .run();
      return pass ? ExitCodes.OK : ExitCodes.FAILURE;
    } finally {
      BenchCommand.deleteTree(dir);
    }
  }

  private void requireBetween(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ParameterException(
          spec.commandLine(), name + " must be " + min + " to " + max + ", was " + value);
    }
  }
}
