package com.syncwell.app.cli;

import com.syncwell.app.config.Settings;
import com.syncwell.aws.sqs.SqsClients;
import com.syncwell.aws.sqs.SqsQueueUrls;
import com.syncwell.aws.sqs.SqsQueues;
import com.syncwell.engine.port.queue.JobQueue;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code syncwell admin create-queues}: creates the SQS job queue and its dead-letter queue (with
 * the redrive policy after {@value JobQueue#DEFAULT_MAX_RECEIVES} receives) at {@code
 * SYNCWELL_SQS_ENDPOINT} or AWS, and prints the two variables {@code serve} needs. Does nothing to
 * queues that exist.
 */
@Command(
    name = "create-queues",
    mixinStandardHelpOptions = true,
    description = {
      "Creates the SQS job queue and its dead-letter queue when absent, then prints",
      "export SYNCWELL_SQS_QUEUE_URL=... and export SYNCWELL_SQS_DLQ_URL=... lines."
    })
final class CreateQueuesCommand implements Callable<Integer> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,76}");

  private final Map<String, String> environment;

  @Spec CommandSpec spec;

  @Option(
      names = "--name",
      defaultValue = "syncwell-sync-jobs",
      description = "Queue name; the dead-letter queue gets -dlq (default: ${DEFAULT-VALUE}).")
  String name;

  CreateQueuesCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    if (!NAME.matcher(name).matches()) {
      spec.commandLine()
          .getErr()
          .println("syncwell admin create-queues: --name: 1 to 76 of A-Z a-z 0-9 _ -");
      return ExitCodes.USAGE;
    }
    Settings settings = Settings.fromEnvironment(environment);
    PrintWriter out = spec.commandLine().getOut();
    try (SqsClient client =
        SqsClients.forEndpoint(settings.sqsEndpoint(), Region.of(settings.awsRegion()))) {
      SqsQueueUrls urls = SqsQueues.createIfMissing(client, name, JobQueue.DEFAULT_MAX_RECEIVES);
      out.println("export SYNCWELL_SQS_QUEUE_URL=" + urls.queueUrl());
      out.println("export SYNCWELL_SQS_DLQ_URL=" + urls.deadLetterQueueUrl());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
