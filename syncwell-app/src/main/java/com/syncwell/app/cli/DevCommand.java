package com.syncwell.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code syncwell dev}: platform, dev identity provider and simulator in the foreground. */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = "Platform + dev identity provider + simulator, in the foreground until Ctrl-C.")
final class DevCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", description = "API port (default: SYNCWELL_PORT or 8080).")
  Integer port;

  @Option(names = "--data-dir", description = "Data directory (default: SYNCWELL_DATA_DIR).")
  Path dataDir;

  @Override
  public Integer call() {
    return NotYetAvailable.say(spec, "issue #5 (public API v1), after issues #3 and #4");
  }
}
