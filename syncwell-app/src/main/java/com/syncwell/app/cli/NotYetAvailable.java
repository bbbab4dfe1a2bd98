package com.syncwell.app.cli;

import picocli.CommandLine.Model.CommandSpec;

/** The one-line answer of a command whose issue has not landed yet (exit 2, nothing pretended). */
final class NotYetAvailable {
  private NotYetAvailable() {}

  static int say(CommandSpec spec, String arrivesWith) {
    spec.commandLine()
        .getErr()
        .println(spec.qualifiedName() + ": not available yet; it arrives with " + arrivesWith);
    return ExitCodes.USAGE;
  }
}
