package com.syncwell.app.cli;

import com.syncwell.api.ApiServer;
import com.syncwell.api.auth.DevIssuer;
import com.syncwell.app.ApiAssembly;
import com.syncwell.app.Platform;
import com.syncwell.app.SyncRuntime;
import com.syncwell.app.config.Settings;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code syncwell dev}: the embedded platform (API with the dev identity provider, workers,
 * scheduler) and the provider simulator, on loopback, in the foreground until Ctrl-C. The simulator
 * sends its webhooks to this API.
 */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = "Platform + dev identity provider + simulator, in the foreground until Ctrl-C.")
final class DevCommand implements Callable<Integer> {
  static final String HOST = "127.0.0.1";
  static final String DEV_USER = "dev-user";

  private final Map<String, String> environment;

  /** Set when the command starts; tests trigger it instead of a signal. */
  volatile ShutdownSignal shutdown;

  @Spec CommandSpec spec;

  @Option(names = "--port", description = "API port (default: SYNCWELL_PORT or 8080).")
  Integer port;

  @Option(names = "--data-dir", description = "Data directory (default: SYNCWELL_DATA_DIR).")
  Path dataDir;

  DevCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    ShutdownSignal signal = new ShutdownSignal();
    this.shutdown = signal;
    try {
      return run(signal);
    } finally {
      signal.stopped();
    }
  }

  private int run(ShutdownSignal shutdown) throws InterruptedException {
    Map<String, String> env = new HashMap<>(environment);
    if (port != null) {
      env.put("SYNCWELL_PORT", Integer.toString(port));
    }
    if (dataDir != null) {
      env.put("SYNCWELL_DATA_DIR", dataDir.toString());
    }
    int apiPort = Settings.fromEnvironment(env).port();
    String api = "http://" + HOST + ":" + apiPort;
    Clock clock = Clock.systemUTC();
    SimulatorOptions options =
        SimulatorOptions.defaults()
            .withWebhooks(api + "/v1/webhooks/fitbit", api + "/v1/webhooks/strava");
    try (ProviderSimulator simulator = ProviderSimulator.start(options)) {
      env.putAll(simulator.environment());
      Settings settings = Settings.fromEnvironment(env);
      try (Platform platform = Platform.open(settings, clock)) {
        ApiServer server =
            ApiAssembly.build(platform, settings, clock, true).start(HOST, settings.port());
        SyncRuntime sync =
            SyncRuntime.start(
                platform,
                settings,
                clock,
                UnaryOperator.identity(),
                SyncRuntime.workerSettings(settings),
                true,
                true,
                "dev-" + ProcessHandle.current().pid());
        try {
          describe(settings, simulator, clock);
          shutdown.awaitRequest();
        } finally {
          server.stop();
          sync.stop();
        }
      }
    }
    return ExitCodes.OK;
  }

  private void describe(Settings settings, ProviderSimulator simulator, Clock clock) {
    PrintWriter out = spec.commandLine().getOut();
    String dir = settings.dataDir().toString();
    out.println("SyncWell dev");
    out.println("  API             http://" + HOST + ":" + settings.port() + "/v1");
    out.println("  contract        http://" + HOST + ":" + settings.port() + "/v1/openapi.yaml");
    out.println("  simulator       " + simulator.baseUrl() + " (admin: /_sim/stats)");
    out.println("  data directory  " + settings.dataDir().toAbsolutePath());
    out.println(
        "  token for "
            + DEV_USER
            + "   "
            + DevIssuer.openOrCreate(settings.dataDir(), clock)
                .mint(DEV_USER, Duration.ofHours(12)));
    out.println("  more tokens     ./syncwell token --user NAME --data-dir " + dir);
    out.println("Ctrl-C stops.");
    out.flush();
  }
}
