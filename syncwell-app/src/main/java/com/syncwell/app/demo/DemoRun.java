package com.syncwell.app.demo;

import com.syncwell.app.Platform;
import com.syncwell.app.SyncRuntime;
import com.syncwell.app.config.Settings;
import com.syncwell.engine.worker.WorkerSettings;
import com.syncwell.simulator.SimulatedConsent;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The demo's running engine: {@link RunSyncJob} behind the workers on the embedded queue, with
 * short long-polls so the demo stops quickly, and the scripted {@link DemoScenario} on top.
 */
public final class DemoRun implements AutoCloseable {
  private final Platform platform;
  private final SyncRuntime runtime;
  private final CompletionSignals signals;
  private final Clock clock;
  private final PrintWriter out;

  private DemoRun(
      Platform platform,
      SyncRuntime runtime,
      CompletionSignals signals,
      Clock clock,
      PrintWriter out) {
    this.platform = platform;
    this.runtime = runtime;
    this.signals = signals;
    this.clock = clock;
    this.out = out;
  }

  /** Builds the engine and starts the workers. */
  public static DemoRun start(Platform platform, Settings settings, Clock clock, PrintWriter out) {
    CompletionSignals[] signals = new CompletionSignals[1];
    WorkerSettings workerSettings =
        new WorkerSettings(
            settings.workerConcurrency(),
            10,
            Duration.ofSeconds(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(1),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5));
    SyncRuntime runtime =
        SyncRuntime.start(
            platform,
            settings,
            clock,
            engine -> signals[0] = new CompletionSignals(engine),
            workerSettings,
            false,
            true,
            "demo-" + ProcessHandle.current().pid());
    return new DemoRun(platform, runtime, signals[0], clock, out);
  }

  /**
   * Runs the script and prints its verdict; true when every job succeeded and the rerun wrote
   * nothing.
   */
  public boolean script() throws InterruptedException {
    long started = System.nanoTime();
    DemoOutcome outcome =
        new DemoScenario(
                platform, signals, new SimulatedConsent(HttpClient.newHttpClient()), clock, out)
            .run();
    out.printf(
        Locale.ROOT,
        "%nDone in %.1f s: first sync wrote %d records, second sync wrote %d; %s%n",
        (System.nanoTime() - started) / 1e9,
        outcome.firstRoundWritten(),
        outcome.secondRoundWritten(),
        outcome.isGood()
            ? "nothing duplicated, nothing echoed."
            : "SOMETHING IS WRONG: not every job succeeded, or the rerun wrote.");
    out.flush();
    return outcome.isGood();
  }

  @Override
  public void close() {
    runtime.stop();
  }
}
