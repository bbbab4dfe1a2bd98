package com.syncwell.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code syncwell}: the top command; alone it prints its usage. */
@Command(
    name = "syncwell",
    mixinStandardHelpOptions = true,
    versionProvider = SyncwellVersion.class,
    description = "Moves health and fitness data between the services people use.",
    footer = {"", "Exit codes: 0 success, 2 bad usage (with a one-line reason), 1 anything else."})
public final class SyncwellCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
