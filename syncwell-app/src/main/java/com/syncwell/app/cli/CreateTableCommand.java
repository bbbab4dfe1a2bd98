package com.syncwell.app.cli;

import com.syncwell.app.config.Settings;
import com.syncwell.aws.dynamodb.DynamoDbClients;
import com.syncwell.aws.dynamodb.DynamoDbTableSchema;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code syncwell admin create-table}: creates the metadata table ({@code SYNCWELL_DYNAMODB_TABLE}
 * at {@code SYNCWELL_DYNAMODB_ENDPOINT} or AWS) with the schema the infrastructure declares, and
 * waits until it is active. Does nothing to a table that exists; safe to run from several places.
 */
@Command(
    name = "create-table",
    mixinStandardHelpOptions = true,
    description = "Creates the DynamoDB metadata table when absent and waits until it is active.")
final class CreateTableCommand implements Callable<Integer> {
  private final Map<String, String> environment;

  @Spec CommandSpec spec;

  CreateTableCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Settings settings = Settings.fromEnvironment(environment);
    PrintWriter out = spec.commandLine().getOut();
    try (DynamoDbClient client =
        DynamoDbClients.forEndpoint(settings.dynamoDbEndpoint(), Region.of(settings.awsRegion()))) {
      boolean created = DynamoDbTableSchema.createIfMissing(client, settings.dynamoDbTable());
      out.println(
          "syncwell admin create-table: table "
              + settings.dynamoDbTable()
              + (created ? " created and active" : " already exists"));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
