package com.syncwell.app.cli;

import com.syncwell.app.bench.ScaleOutBenchmark;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code syncwell bench scale-out}: the store benchmarks on SQLite and on local DynamoDB/SQS
 * emulators, and rate-limit checks in-process and on Redis, side by side (not part of the tests;
 * {@code scripts/bench-scale-out} starts the engines and runs it).
 */
@Command(
    name = "scale-out",
    mixinStandardHelpOptions = true,
    description = {
      "Scale-out benchmark (not part of the tests): the `bench` operations on SQLite and on a local",
      "DynamoDB (dynalite) and SQS (ElasticMQ), a `table get`, and rate-limit checks in-process",
      "and on Redis (1 and --threads threads), in one run; then one side-by-side table (ops/s,",
      "p50/p99 µs, requests per operation, client CPU) and what the numbers imply on AWS.",
      "Local engines only: creates and deletes syncwell-bench-* tables and queues, dummy",
      "credentials. scripts/bench-scale-out starts the three engines and runs this."
    })
final class BenchScaleOutCommand implements Callable<Integer> {
  private final Map<String, String> environment;

  @Spec CommandSpec spec;

  @Option(
      names = "--dynamodb-endpoint",
      description = "DynamoDB emulator URL (default: SYNCWELL_DYNAMODB_ENDPOINT).")
  URI dynamoDbEndpoint;

  @Option(
      names = "--sqs-endpoint",
      description = "SQS emulator URL (default: SYNCWELL_SQS_ENDPOINT).")
  URI sqsEndpoint;

  @Option(
      names = "--redis-url",
      description = "Redis URL, redis://host:port (default: SYNCWELL_REDIS_URL).")
  URI redisUrl;

  @Option(
      names = "--seconds",
      defaultValue = "3",
      description = "Measured seconds per benchmark, 1 to 600 (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--threads",
      defaultValue = "8",
      description =
          "Threads of the concurrent rate-limit benchmark, 2 to 256 (default: ${DEFAULT-VALUE}).")
  int threads;

  BenchScaleOutCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    if (seconds < 1 || seconds > 600) {
      throw new ParameterException(
          spec.commandLine(), "--seconds must be 1 to 600, was " + seconds);
    }
    if (threads < 2 || threads > 256) {
      throw new ParameterException(
          spec.commandLine(), "--threads must be 2 to 256, was " + threads);
    }
    ScaleOutBenchmark.Options options =
        new ScaleOutBenchmark.Options(
            endpoint("--dynamodb-endpoint", dynamoDbEndpoint, "SYNCWELL_DYNAMODB_ENDPOINT", HTTP),
            endpoint("--sqs-endpoint", sqsEndpoint, "SYNCWELL_SQS_ENDPOINT", HTTP),
            endpoint("--redis-url", redisUrl, "SYNCWELL_REDIS_URL", Set.of("redis", "rediss")),
            seconds,
            threads);
    QuietLogs.warnOnly("com.syncwell", "software.amazon.awssdk", "io.lettuce", "io.netty");
    Path dir = Files.createTempDirectory("syncwell-bench-scale-out");
    try {
      boolean allFromRedis = new ScaleOutBenchmark(options, dir, spec.commandLine().getOut()).run();
      return allFromRedis ? ExitCodes.OK : ExitCodes.FAILURE;
    } finally {
      BenchCommand.deleteTree(dir);
    }
  }

  private static final Set<String> HTTP = Set.of("http", "https");

  private URI endpoint(String option, URI given, String variable, Set<String> schemes) {
    URI url =
        Optional.ofNullable(given)
            .or(() -> Optional.ofNullable(environment.get(variable)).map(URI::create))
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(), option + " (or " + variable + ") is required"));
    if (url.getScheme() == null || !schemes.contains(url.getScheme()) || url.getHost() == null) {
      throw new ParameterException(
          spec.commandLine(),
          option + " must be a " + String.join("/", schemes) + " URL with a host");
    }
    return url;
  }
}
