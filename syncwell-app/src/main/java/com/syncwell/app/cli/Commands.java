package com.syncwell.app.cli;

import com.syncwell.app.config.InvalidSetting;
import com.syncwell.app.config.Settings;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/**
 * Builds the command line and runs it. Settings are read and validated after parsing and before any
 * command runs (help and version need none); a bad setting is one line on stderr and exit 2.
 */
public final class Commands {
  private Commands() {}

  public static int run(
      String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    CommandLine line = commandLine(environment);
    line.setOut(out);
    line.setErr(err);
    line.setExecutionStrategy(parsed -> execute(parsed, environment, err));
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof InvalidSetting invalid) {
            err.println("syncwell: " + invalid.getMessage());
            return ExitCodes.USAGE;
          }
          err.println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(e));
          return ExitCodes.FAILURE;
        });
    return line.execute(args);
  }

  static CommandLine commandLine(Map<String, String> environment) {
    return new CommandLine(new SyncwellCommand())
        .addSubcommand(new DemoCommand(environment))
        .addSubcommand(new DevCommand(environment))
        .addSubcommand(new ServeCommand(environment))
        .addSubcommand(new SimulatorCommand())
        .addSubcommand(new TokenCommand(environment))
        .addSubcommand(new CapacityCommand())
        .addSubcommand(new SloCommand())
        .addSubcommand(
            new CommandLine(new AdminCommand())
                .addSubcommand(new CreateTableCommand(environment))
                .addSubcommand(new CreateQueuesCommand(environment)))
        .addSubcommand(
            new CommandLine(new BenchCommand())
                .addSubcommand(new BenchSyncCommand(environment))
                .addSubcommand(new BenchApiCommand(environment))
                .addSubcommand(new BenchScaleOutCommand(environment)));
  }

  private static int execute(ParseResult parsed, Map<String, String> environment, PrintWriter err) {
    Integer helped = CommandLine.executeHelpRequest(parsed);
    if (helped != null) {
      return helped;
    }
    try {
      Settings.fromEnvironment(environment);
    } catch (InvalidSetting e) {
      err.println("syncwell: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    return new RunLast().execute(parsed);
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
