package com.syncwell.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code syncwell token}: a token from the dev identity provider. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Prints a token from the dev identity provider (dev and demo data only).")
final class TokenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--user", required = true, description = "User id the token is for.")
  String user;

  @Option(names = "--issuer", defaultValue = "dev", description = "Issuer (default: dev).")
  String issuer;

  @Option(names = "--data-dir", description = "Data directory (default: SYNCWELL_DATA_DIR).")
  Path dataDir;

  @Override
  public Integer call() {
    return NotYetAvailable.say(spec, "issue #5 (public API v1: dev identity provider)");
  }
}
