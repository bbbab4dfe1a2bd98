package com.syncwell.app.cli;

import com.syncwell.api.auth.DevIssuer;
import com.syncwell.app.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code syncwell token}: a token from the dev identity provider, whose key lives in the data
 * directory (created on first use), so a {@code dev} or {@code demo} process on the same directory
 * accepts it.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Prints a token from the dev identity provider (dev and demo data only).")
final class TokenCommand implements Callable<Integer> {
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

  private final Map<String, String> environment;

  @Spec CommandSpec spec;

  @Option(names = "--user", required = true, description = "User id the token is for.")
  String user;

  @Option(
      names = "--issuer",
      defaultValue = "dev",
      description = "Issuer; only dev mints tokens here (default: ${DEFAULT-VALUE}).")
  String issuer;

  @Option(
      names = "--ttl-minutes",
      defaultValue = "60",
      description = "Lifetime in minutes, 1 to 1440 (default: ${DEFAULT-VALUE}).")
  int ttlMinutes;

  @Option(names = "--data-dir", description = "Data directory (default: SYNCWELL_DATA_DIR).")
  Path dataDir;

  TokenCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    if (!"dev".equals(issuer)) {
      return usage("--issuer: only the dev issuer mints tokens here, was '" + issuer + "'");
    }
    if (!USER.matcher(user).matches()) {
      return usage("--user: 1 to 128 of A-Z a-z 0-9 . _ : @ -");
    }
    if (ttlMinutes < 1 || ttlMinutes > 1440) {
      return usage("--ttl-minutes: must be 1 to 1440, was " + ttlMinutes);
    }
    Map<String, String> env = new HashMap<>(environment);
    if (dataDir != null) {
      env.put("SYNCWELL_DATA_DIR", dataDir.toString());
    }
    Settings settings = Settings.fromEnvironment(env);
    DevIssuer dev = DevIssuer.openOrCreate(settings.dataDir(), Clock.systemUTC());
    spec.commandLine().getOut().println(dev.mint(user, Duration.ofMinutes(ttlMinutes)));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private int usage(String reason) {
    spec.commandLine().getErr().println("syncwell token: " + reason);
    return ExitCodes.USAGE;
  }
}
