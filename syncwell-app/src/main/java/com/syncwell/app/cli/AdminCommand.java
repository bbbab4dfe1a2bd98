package com.syncwell.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code syncwell admin}: one-off operations on the scale-out engines. */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = {
      "One-off operations on the scale-out engines, configured by the same environment as serve.",
      "`admin create-table`: the DynamoDB metadata table; `admin create-queues`: the SQS job queue"
          + " and its dead-letter queue."
    })
final class AdminCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "name a subcommand: create-table or create-queues");
  }
}
