package com.syncwell.aws.sqs;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds {@link SqsClient}s for an SQS-compatible engine at an endpoint override (ElasticMQ in
 * tests and local runs). Production clients on real AWS take the default credential chain instead
 * and are built by the composition root.
 */
public final class SqsClients {
  /**
   * Longer than the longest long poll (20 s) so a waiting receive is never cut off by the socket;
   * short enough that a hung engine surfaces as a {@link com.syncwell.engine.port.StorageFailure}.
   */
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private SqsClients() {}

  /**
   * A client for the engine at {@code endpoint} in {@code region}, signing with fixed dummy
   * credentials (emulators accept any) and speaking HTTP through the JDK's URL connection. The
   * caller closes it.
   */
  public static SqsClient forEndpoint(URI endpoint, String region) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    return SqsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("syncwell", "local")))
        .httpClientBuilder(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT))
        .build();
  }
}
