package com.syncwell.aws.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Builds the synchronous DynamoDB client the adapter uses, on the URL-connection HTTP client. */
public final class DynamoDbClients {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private DynamoDbClients() {}

  /** Calls per request against a local emulator, which never throttles: fail fast instead. */
  private static final int LOCAL_MAX_ATTEMPTS = 2;

  /**
   * A client for {@code region}. With an {@code endpoint} (a local emulator such as dynalite) it
   * signs with static dummy credentials and retries a failed call once; without one it talks to AWS
   * with the default credential chain (environment, profile, container or instance role) and the
   * SDK's DynamoDB retry policy (throttling is retried with backoff). The client is thread-safe;
   * close it when the process stops.
   */
  public static DynamoDbClient forEndpoint(Optional<URI> endpoint, Region region) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .region(region)
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(SOCKET_TIMEOUT))
            .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT));
    if (endpoint.isPresent()) {
      builder
          .endpointOverride(endpoint.get())
          .overrideConfiguration(
              c ->
                  c.apiCallTimeout(CALL_TIMEOUT)
                      .retryStrategy(r -> r.maxAttempts(LOCAL_MAX_ATTEMPTS)))
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    return builder.build();
  }

  /** A client for a local emulator at {@code endpoint}, in us-east-1 with dummy credentials. */
  public static DynamoDbClient forLocalEndpoint(URI endpoint) {
    return forEndpoint(Optional.of(endpoint), Region.US_EAST_1);
  }
}
