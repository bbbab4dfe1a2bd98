package com.syncwell.aws.sqs;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** Builds {@link SqsClient}s for AWS or for an SQS-compatible engine at an endpoint override. */
public final class SqsClients {
  /**
   * Longer than the longest long poll (20 s) so a waiting receive is never cut off by the socket;
   * short enough that a hung engine surfaces as a {@link com.syncwell.engine.port.StorageFailure}.
   */
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private SqsClients() {}

  /**
   * A client in {@code region} speaking HTTP through the JDK's URL connection. With an {@code
   * endpoint} (an emulator such as ElasticMQ) it signs with fixed dummy credentials, which
   * emulators accept; without one it talks to AWS with the default credential chain. The caller
   * closes it.
   */
  public static SqsClient forEndpoint(Optional<URI> endpoint, Region region) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    SqsClientBuilder builder =
        SqsClient.builder()
            .region(region)
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(SOCKET_TIMEOUT));
    if (endpoint.isPresent()) {
      builder
          .endpointOverride(endpoint.get())
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("syncwell", "local")));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    return builder.build();
  }

  /** A client for an emulator at {@code endpoint}, in us-east-1 with dummy credentials. */
  public static SqsClient forLocalEndpoint(URI endpoint) {
    return forEndpoint(Optional.of(endpoint), Region.US_EAST_1);
  }
}
