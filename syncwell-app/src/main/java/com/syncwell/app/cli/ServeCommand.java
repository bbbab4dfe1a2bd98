package com.syncwell.app.cli;

import com.syncwell.api.ApiServer;
import com.syncwell.app.ApiAssembly;
import com.syncwell.app.Platform;
import com.syncwell.app.SyncRuntime;
import com.syncwell.app.config.Settings;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code syncwell serve}: a production process; every setting from the environment. {@code api}
 * serves HTTP on all interfaces, {@code worker} runs sync jobs from the queue, {@code scheduler}
 * enqueues due configs; {@code all} does the three. SIGTERM stops it gracefully: the scheduler
 * first, then the API drains its requests in flight, then the workers finish or release their jobs.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "A production process; every setting comes from the environment.")
final class ServeCommand implements Callable<Integer> {
  /** What a serve process runs. */
  enum Role {
    api,
    worker,
    scheduler,
    all
  }

  static final String HOST = "0.0.0.0";

  private final Map<String, String> environment;

  /** Set when the command starts; tests trigger it instead of a signal. */
  volatile ShutdownSignal shutdown;

  @Spec CommandSpec spec;

  @Option(
      names = "--role",
      defaultValue = "all",
      description = "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Role role;

  @Option(names = "--port", description = "API port (default: SYNCWELL_PORT or 8080).")
  Integer port;

  ServeCommand(Map<String, String> environment) {
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
    Settings settings = Settings.fromEnvironment(env);
    Clock clock = Clock.systemUTC();
    boolean api = role == Role.api || role == Role.all;
    boolean worker = role == Role.worker || role == Role.all;
    boolean scheduler = role == Role.scheduler || role == Role.all;
    try (Platform platform = Platform.open(settings, clock)) {
      Optional<ApiServer> server =
          api
              ? Optional.of(
                  ApiAssembly.build(platform, settings, clock, false).start(HOST, settings.port()))
              : Optional.empty();
      Optional<SyncRuntime> sync =
          worker || scheduler
              ? Optional.of(
                  SyncRuntime.start(
                      platform,
                      settings,
                      clock,
                      UnaryOperator.identity(),
                      SyncRuntime.workerSettings(settings),
                      scheduler,
                      worker,
                      "serve-" + ProcessHandle.current().pid()))
              : Optional.empty();
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "syncwell serve: role "
              + role
              + server.map(s -> ", API on port " + s.port()).orElse("")
              + (worker ? ", " + settings.workerConcurrency() + " worker slots" : "")
              + (scheduler ? ", scheduler" : "")
              + "; SIGTERM stops");
      out.flush();
      try {
        shutdown.awaitRequest();
      } finally {
        server.ifPresent(ApiServer::stop);
        sync.ifPresent(SyncRuntime::stop);
      }
    }
    return ExitCodes.OK;
  }
}
