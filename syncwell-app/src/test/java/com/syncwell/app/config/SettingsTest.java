package com.syncwell.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

  @Test
  void an_empty_environment_gives_the_documented_defaults() {
    Settings s = Settings.fromEnvironment(Map.of());

    assertThat(s.port()).isEqualTo(8080);
    assertThat(s.dataDir()).isEqualTo(Path.of(".syncwell"));
    assertThat(s.store()).isEqualTo(StoreKind.SQLITE);
    assertThat(s.queue()).isEqualTo(QueueKind.SQLITE);
    assertThat(s.rateLimiter()).isEqualTo(RateLimiterKind.LOCAL);
    assertThat(s.dynamoDbTable()).isEqualTo("SyncWellMetadata");
    assertThat(s.rates()).isEqualTo(new RateSettings(10, 20, 1000, java.util.List.of()));
    assertThat(s.workerConcurrency()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
    assertThat(s.auth().devIssuer()).isEmpty();
    assertThat(s.auth().firebaseProjectId()).isEmpty();
    assertThat(s.logLevel()).isEqualTo(LogLevel.INFO);
    assertThat(s.jobLease()).isEqualTo(java.time.Duration.ofMinutes(5));
    assertThat(s.queueVisibility()).isEqualTo(java.time.Duration.ofMinutes(15));
    assertThat(s.stravaLimits()).isEqualTo(new StravaAppLimits(200, 2_000, 100, 1_000));
    assertThat(s.redisTimeout()).isEqualTo(java.time.Duration.ofMillis(100));
    assertThat(s.providers()).containsOnlyKeys(Settings.Provider.values());
  }

  @Test
  void every_documented_variable_is_read() {
    Settings s =
        Settings.fromEnvironment(
            Map.ofEntries(
                Map.entry("SYNCWELL_PORT", "9090"),
                Map.entry("SYNCWELL_DATA_DIR", "/var/lib/syncwell"),
                Map.entry("SYNCWELL_STORE", "dynamodb"),
                Map.entry("SYNCWELL_QUEUE", "SQS"),
                Map.entry("SYNCWELL_SQS_QUEUE_URL", "http://127.0.0.1:9324/000000000000/jobs"),
                Map.entry("SYNCWELL_SQS_DLQ_URL", "http://127.0.0.1:9324/000000000000/jobs-dlq"),
                Map.entry("SYNCWELL_JOB_LEASE_SECONDS", "20"),
                Map.entry("SYNCWELL_QUEUE_VISIBILITY_SECONDS", "30"),
                Map.entry("SYNCWELL_STRAVA_RATE_LIMITS", "600, 30000, 300, 15000"),
                Map.entry("SYNCWELL_RATE_LIMITER", "redis"),
                Map.entry("SYNCWELL_REDIS_URL", "redis://127.0.0.1:6379"),
                Map.entry("SYNCWELL_DYNAMODB_ENDPOINT", "http://127.0.0.1:4567"),
                Map.entry(
                    "SYNCWELL_AUTH_COGNITO_ISSUER",
                    "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc"),
                Map.entry("SYNCWELL_AUTH_COGNITO_CLIENT_ID", "client-1"),
                Map.entry("SYNCWELL_AUTH_DEV", "false"),
                Map.entry("SYNCWELL_RATE_USER_BURST", "40"),
                Map.entry("SYNCWELL_STRAVA_BASE_URL", "http://127.0.0.1:8090/strava/api/v3"),
                Map.entry("SYNCWELL_STRAVA_CLIENT_SECRET", "s3cr3t"),
                Map.entry("SYNCWELL_WORKER_CONCURRENCY", "16"),
                Map.entry("SYNCWELL_LOG_LEVEL", "debug")));

    assertThat(s.port()).isEqualTo(9090);
    assertThat(s.dataDir()).isEqualTo(Path.of("/var/lib/syncwell"));
    assertThat(s.store()).isEqualTo(StoreKind.DYNAMODB);
    assertThat(s.queue()).isEqualTo(QueueKind.SQS);
    assertThat(s.rateLimiter()).isEqualTo(RateLimiterKind.REDIS);
    assertThat(s.auth().cognitoJwksUrl())
        .contains(
            URI.create(
                "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc/.well-known/jwks.json"));
    assertThat(s.auth().devIssuer()).contains(false);
    assertThat(s.rates().userBurst()).isEqualTo(40);
    ProviderSettings strava = s.providers().get(Settings.Provider.STRAVA);
    assertThat(strava.baseUrl()).contains(URI.create("http://127.0.0.1:8090/strava/api/v3"));
    assertThat(strava.clientSecret().orElseThrow().value()).isEqualTo("s3cr3t");
    assertThat(s.workerConcurrency()).isEqualTo(16);
    assertThat(s.logLevel()).isEqualTo(LogLevel.DEBUG);
    assertThat(s.sqsDeadLetterQueueUrl())
        .contains(URI.create("http://127.0.0.1:9324/000000000000/jobs-dlq"));
    assertThat(s.jobLease()).isEqualTo(java.time.Duration.ofSeconds(20));
    assertThat(s.queueVisibility()).isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(s.stravaLimits()).isEqualTo(new StravaAppLimits(600, 30_000, 300, 15_000));
  }

  @Test
  void sqs_needs_both_the_queue_and_its_dead_letter_queue() {
    assertThatThrownBy(
            () ->
                Settings.fromEnvironment(
                    Map.of(
                        "SYNCWELL_QUEUE", "sqs",
                        "SYNCWELL_SQS_QUEUE_URL", "http://127.0.0.1:9324/000000000000/jobs")))
        .isInstanceOf(InvalidSetting.class)
        .hasMessageStartingWith("SYNCWELL_SQS_DLQ_URL: ");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "SYNCWELL_PORT, abc",
    "SYNCWELL_PORT, 0",
    "SYNCWELL_PORT, 65536",
    "SYNCWELL_PORT, 80.5",
    "SYNCWELL_STORE, postgres",
    "SYNCWELL_QUEUE, kafka",
    "SYNCWELL_RATE_LIMITER, memcached",
    "SYNCWELL_RATE_USER_PER_SECOND, -1",
    "SYNCWELL_RATE_IP_PER_5MIN, lots",
    "SYNCWELL_WORKER_CONCURRENCY, 0",
    "SYNCWELL_JOB_LEASE_SECONDS, 1",
    "SYNCWELL_REDIS_TIMEOUT_MS, 5",
    "SYNCWELL_STRAVA_RATE_LIMITS, '600,30000,300'",
    "SYNCWELL_STRAVA_RATE_LIMITS, '600,30000,300,lots'",
    "SYNCWELL_STRAVA_RATE_LIMITS, '600,30000,700,15000'",
    "SYNCWELL_STRAVA_RATE_LIMITS, '0,30000,0,15000'",
    "SYNCWELL_QUEUE_VISIBILITY_SECONDS, 86400",
    "SYNCWELL_AUTH_DEV, maybe",
    "SYNCWELL_REDIS_URL, http://127.0.0.1:6379",
    "SYNCWELL_DYNAMODB_ENDPOINT, not a url",
    "SYNCWELL_FITBIT_BASE_URL, ftp://health.googleapis.com",
    "SYNCWELL_STRAVA_TOKEN_URL, /relative/path",
    "SYNCWELL_AUTH_COGNITO_ISSUER, http://cognito.example",
    "SYNCWELL_LOG_LEVEL, loud",
    "SYNCWELL_TRUSTED_PROXIES, 10.0.0.0/33",
    "SYNCWELL_TRUSTED_PROXIES, 'lb.internal, 10.0.0.1'",
  })
  void a_malformed_value_is_rejected_naming_its_variable(String variable, String value) {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of(variable, value)))
        .isInstanceOf(InvalidSetting.class)
        .hasMessageStartingWith(variable + ": ")
        .satisfies(e -> assertThat(((InvalidSetting) e).variable()).isEqualTo(variable))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void trusted_proxies_are_a_comma_separated_list_of_ips_and_ranges() {
    Settings s =
        Settings.fromEnvironment(Map.of("SYNCWELL_TRUSTED_PROXIES", " 10.0.0.0/8, ::1 ,192.0.2.7"));

    assertThat(s.rates().trustedProxies()).containsExactly("10.0.0.0/8", "::1", "192.0.2.7");
  }

  @Test
  void a_port_that_is_not_a_number_says_what_it_was() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("SYNCWELL_PORT", "abc")))
        .hasMessage("SYNCWELL_PORT: must be a whole number from 1 to 65535, was 'abc'");
  }

  @Test
  void sqs_without_a_queue_url_is_contradictory() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("SYNCWELL_QUEUE", "sqs")))
        .hasMessageStartingWith("SYNCWELL_SQS_QUEUE_URL: is required");
  }

  @Test
  void redis_limiter_without_a_redis_url_is_contradictory() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("SYNCWELL_RATE_LIMITER", "redis")))
        .hasMessageStartingWith("SYNCWELL_REDIS_URL: is required");
  }

  @Test
  void a_cognito_issuer_without_a_client_id_is_contradictory() {
    assertThatThrownBy(
            () ->
                Settings.fromEnvironment(
                    Map.of(
                        "SYNCWELL_AUTH_COGNITO_ISSUER",
                        "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_x")))
        .hasMessageStartingWith("SYNCWELL_AUTH_COGNITO_CLIENT_ID: ");
  }

  @Test
  void a_master_key_file_and_a_kms_key_together_are_contradictory() {
    assertThatThrownBy(
            () ->
                Settings.fromEnvironment(
                    Map.of(
                        "SYNCWELL_MASTER_KEY_FILE",
                        "/keys/master.json",
                        "SYNCWELL_KMS_KEY_ID",
                        "alias/syncwell")))
        .hasMessageStartingWith("SYNCWELL_KMS_KEY_ID: ");
  }

  @Test
  void a_rejected_url_is_not_echoed_because_it_may_hold_a_password() {
    assertThatThrownBy(
            () ->
                Settings.fromEnvironment(
                    Map.of("SYNCWELL_REDIS_URL", "http://user:hunter2@cache:6379")))
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void blank_values_count_as_unset() {
    assertThat(Settings.fromEnvironment(Map.of("SYNCWELL_PORT", "  ")).port()).isEqualTo(8080);
  }

  @Test
  void secrets_never_show_in_the_settings_string() {
    Settings s =
        Settings.fromEnvironment(
            Map.of(
                "SYNCWELL_FITBIT_CLIENT_SECRET",
                "v3ry-s3cr3t",
                "SYNCWELL_FITBIT_WEBHOOK_SECRET",
                "wh-s3cr3t"));

    assertThat(s.toString()).doesNotContain("v3ry-s3cr3t").doesNotContain("wh-s3cr3t");
  }
}
