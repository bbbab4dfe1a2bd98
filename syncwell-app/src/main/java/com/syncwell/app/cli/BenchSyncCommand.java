package com.syncwell.app.cli;

import com.syncwell.app.bench.SyncBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code syncwell bench sync}: the sync engine's steady state against a naive engine. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Sync engine benchmark (not part of the tests): embedded defaults, the simulator in-process,",
      "N users with 30 days of history, provider limits raised; after a warm-up sync per user",
      "and an unmeasured warm-up of the mix, syncs/s and job latency under the 90/9/1 mix",
      "(nothing new / one light record / one heavy workout), then provider calls and bytes per",
      "sync side by side with a naive engine.",
      "Heap cap as in the issue: SYNCWELL_JAVA_OPTS=-Xmx512m ./syncwell bench sync"
    })
final class BenchSyncCommand implements Callable<Integer> {
  private final Map<String, String> environment;

  @Spec CommandSpec spec;

  @Option(
      names = "--users",
      defaultValue = "1000",
      description = "Users, 1 to 10000 (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--seconds",
      defaultValue = "30",
      description = "Measured seconds of the engine, 1 to 600 (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--warm-up-seconds",
      defaultValue = "20",
      description =
          "Unmeasured seconds of the same mix before the measured run, 0 to 600"
              + " (default: ${DEFAULT-VALUE}).")
  int warmUpSeconds;

  @Option(
      names = "--naive-seconds",
      defaultValue = "10",
      description =
          "Seconds of the naive engine on the same users, 1 to 600 (default: ${DEFAULT-VALUE}).")
  int naiveSeconds;

  @Option(
      names = "--concurrency",
      defaultValue = "128",
      description = "Worker job slots, 1 to 1024 (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--in-flight",
      description = "Syncs enqueued and not yet ended, at most (default: the job slots).")
  Integer inFlight;

  @Option(
      names = "--upload-polls",
      defaultValue = "0",
      description =
          "Simulated Strava upload polls answering 'still processing' (default: ${DEFAULT-VALUE}: ready at the first poll, after the writer's 1 s pause).")
  int uploadPolls;

  @Option(
      names = "--heavy-minutes",
      defaultValue = "22",
      description = "Length of the heavy GPS workout in minutes (default: ${DEFAULT-VALUE}).")
  int heavyMinutes;

  @Option(
      names = "--dir",
      description = "Data directory (default: a temporary one, removed after).")
  Path directory;

  BenchSyncCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    requireBetween("--users", users, 1, 10_000);
    requireBetween("--seconds", seconds, 1, 600);
    requireBetween("--warm-up-seconds", warmUpSeconds, 0, 600);
    requireBetween("--naive-seconds", naiveSeconds, 1, 600);
    requireBetween("--concurrency", concurrency, 1, 1024);
    int flight = inFlight == null ? concurrency : inFlight;
    requireBetween("--in-flight", flight, 1, 10_000);
    requireBetween("--upload-polls", uploadPolls, 0, 5);
    requireBetween("--heavy-minutes", heavyMinutes, 1, 600);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "SyncWell sync engine benchmark (%d cores, max heap %d MB)%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
    out.flush();
    boolean temporary = directory == null;
    Path dir = temporary ? Files.createTempDirectory("syncwell-bench-sync") : directory;
    QuietLogs.warnOnly("com.syncwell");
    try {
      boolean pass =
          new SyncBenchmark(
                  new SyncBenchmark.Options(
                      users,
                      seconds,
                      warmUpSeconds,
                      naiveSeconds,
                      concurrency,
                      flight,
                      uploadPolls,
                      Duration.ofMinutes(heavyMinutes)),
                  environment,
                  dir,
                  out)
              .run();
      return pass ? ExitCodes.OK : ExitCodes.FAILURE;
    } finally {
      if (temporary) {
        BenchCommand.deleteTree(dir);
      }
    }
  }

  private void requireBetween(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ParameterException(
          spec.commandLine(), name + " must be " + min + " to " + max + ", was " + value);
    }
  }
}
