package com.syncwell.app.cli;

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
  @Spec CommandSpec spec;

  @Option(names = "--keep-running", description = "Leave it up and print the URLs and a token.")
  boolean keepRunning;

  @Override
  public Integer call() {
    return NotYetAvailable.say(spec, "issue #4 (sync engine, workers and demo)");
  }
}
