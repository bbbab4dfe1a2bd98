package com.syncwell.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code syncwell capacity}: the capacity and cost model. */
@Command(
    name = "capacity",
    mixinStandardHelpOptions = true,
    description = "Capacity and cost model.")
final class CapacityCommand implements Callable<Integer> {
  /** Traffic assumptions. */
  enum Scenario {
    conservative,
    nominal,
    aggressive
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--scenario",
      defaultValue = "nominal",
      description = "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Scenario scenario;

  @Option(names = "--measured", description = "Measured traffic to reconcile with the model.")
  Path measured;

  @Override
  public Integer call() {
    return NotYetAvailable.say(spec, "issue #7 (observability and cost control)");
  }
}
