package com.syncwell.app.cli;

import com.syncwell.api.ApiServer;
import com.syncwell.api.auth.DevIssuer;
import com.syncwell.app.ApiAssembly;
import com.syncwell.app.Platform;
import com.syncwell.app.config.Settings;
import com.syncwell.app.demo.DemoRun;
import com.syncwell.app.demo.DemoScenario;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code syncwell demo}: the main job on embedded defaults. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "The main job: the platform and the provider simulator in one process.",
      "Signs up a demo user, connects Fitbit and Strava through OAuth against the simulator,",
      "runs syncs and prints what moved, what was skipped, conflicts, provider calls and bytes."
    })
final class DemoCommand implements Callable<Integer> {
  private final Map<String, String> environment;

  @Spec CommandSpec spec;

  @Option(names = "--keep-running", description = "Leave it up afterwards (Ctrl-C stops it).")
  boolean keepRunning;

  @Option(names = "--data-dir", description = "Data directory (default: SYNCWELL_DATA_DIR).")
  Path dataDir;

  DemoCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Clock clock = Clock.systemUTC();
    try (ProviderSimulator simulator = ProviderSimulator.start(SimulatorOptions.defaults())) {
      Map<String, String> env = new HashMap<>(environment);
      env.putAll(simulator.environment());
      if (dataDir != null) {
        env.put("SYNCWELL_DATA_DIR", dataDir.toString());
      }
      Settings settings = Settings.fromEnvironment(env);
      out.println("SyncWell demo");
      out.println("  data directory  " + settings.dataDir().toAbsolutePath());
      out.println(
          "  simulator       " + simulator.baseUrl() + " (Google Health API as fitbit, Strava)");
      try (Platform platform = Platform.open(settings, clock);
          DemoRun run = DemoRun.start(platform, settings, clock, out)) {
        boolean good = run.script();
        if (keepRunning) {
          ShutdownSignal shutdown = new ShutdownSignal();
          ApiServer api =
              ApiAssembly.build(platform, settings, clock, true)
                  .start(DevCommand.HOST, settings.port());
          try {
            out.println();
            out.println("Running: the workers keep taking jobs from the queue; Ctrl-C stops.");
            out.println("  API             http://" + DevCommand.HOST + ":" + api.port() + "/v1");
            out.println("  simulator admin " + simulator.baseUrl() + "/_sim/stats");
            out.println(
                "  token for "
                    + DemoScenario.USER
                    + "  "
                    + DevIssuer.openOrCreate(settings.dataDir(), clock)
                        .mint(DemoScenario.USER, Duration.ofHours(12)));
            out.println(
                "  more tokens     ./syncwell token --user NAME --data-dir " + settings.dataDir());
            out.flush();
            shutdown.awaitRequest();
          } finally {
            api.stop();
            shutdown.stopped();
          }
        }
        return good ? ExitCodes.OK : ExitCodes.FAILURE;
      }
    }
  }
}
