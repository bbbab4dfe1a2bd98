package com.syncwell.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code syncwell serve}: a production process; every setting from the environment. */
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

  @Spec CommandSpec spec;

  @Option(
      names = "--role",
      defaultValue = "all",
      description = "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Role role;

  @Option(names = "--port", description = "API port (default: SYNCWELL_PORT or 8080).")
  Integer port;

  @Override
  public Integer call() {
    return NotYetAvailable.say(spec, "issue #5 (public API v1) and issue #4 (workers)");
  }
}
