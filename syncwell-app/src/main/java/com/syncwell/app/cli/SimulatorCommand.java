package com.syncwell.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code syncwell simulator}: the provider simulator alone. */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    description = "The provider simulator alone.")
final class SimulatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "8090", description = "Port (default: 8090).")
  int port;

  @Option(
      names = "--print-env",
      description = "Print export lines for every provider setting before serving.")
  boolean printEnv;

  @Override
  public Integer call() {
    return NotYetAvailable.say(spec, "issue #3 (provider layer and simulator)");
  }
}
