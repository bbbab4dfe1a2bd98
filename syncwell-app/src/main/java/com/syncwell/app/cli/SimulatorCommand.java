package com.syncwell.app.cli;

import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code syncwell simulator}: the provider simulator alone, in the foreground until Ctrl-C. */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    description = "The provider simulator alone (Google Health API as fitbit, and Strava).")
final class SimulatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "8090", description = "Port (default: 8090).")
  int port;

  @Option(
      names = "--print-env",
      description = "Print export lines for every provider setting before serving.")
  boolean printEnv;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "Dataset seed mixed into every simulated person (default: 0).")
  long seed;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (port < 0 || port > 65535) {
      spec.commandLine().getErr().println("simulator: --port must be 0 to 65535");
      return ExitCodes.USAGE;
    }
    ProviderSimulator simulator =
        ProviderSimulator.start(SimulatorOptions.defaults().withPort(port).withSeed(seed));
    if (printEnv) {
      exportLines(simulator.environment()).forEach(out::println);
    }
    out.println("# provider simulator listening on " + simulator.baseUrl() + " (Ctrl-C stops it)");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                },
                "simulator-shutdown"));
    stopped.await();
    return ExitCodes.OK;
  }

  /** One {@code export NAME=value} line per setting, in order. */
  static List<String> exportLines(Map<String, String> environment) {
    return environment.entrySet().stream()
        .map(e -> "export " + e.getKey() + "=" + shellQuoted(e.getValue()))
        .toList();
  }

  /** Values with spaces (the webhook secret "Bearer …") are single-quoted for the shell. */
  static String shellQuoted(String value) {
    return value.matches("[A-Za-z0-9_./:@%+,=-]*")
        ? value
        : "'" + value.replace("'", "'\\''") + "'";
  }
}
