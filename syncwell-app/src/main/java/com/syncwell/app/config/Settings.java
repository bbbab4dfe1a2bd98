package com.syncwell.app.config;

import com.syncwell.api.limit.ClientAddress;
import com.syncwell.api.ops.AdminToken;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of INTERFACE.md, read once from the environment and validated: a malformed or
 * contradictory value throws {@link InvalidSetting} naming the variable.
 */
public record Settings(
    int port,
    Path dataDir,
    StoreKind store,
    QueueKind queue,
    RateLimiterKind rateLimiter,
    String awsRegion,
    Optional<URI> dynamoDbEndpoint,
    String dynamoDbTable,
    Optional<URI> sqsEndpoint,
    Optional<URI> sqsQueueUrl,
    Optional<URI> sqsDeadLetterQueueUrl,
    Optional<URI> redisUrl,
    Duration redisTimeout,
    AuthSettings auth,
    RateSettings rates,
    Map<Provider, ProviderSettings> providers,
    Optional<Secret> fitbitWebhookSecret,
    Optional<URI> fitbitWebhookKeysetUrl,
    Optional<Secret> stravaWebhookVerifyToken,
    Optional<String> stravaSubscriptionId,
    StravaAppLimits stravaLimits,
    int workerConcurrency,
    Duration jobLease,
    Duration queueVisibility,
    Optional<Path> masterKeyFile,
    Optional<String> kmsKeyId,
    LogLevel logLevel,
    Optional<AdminToken> adminToken,
    MetricsFormat metrics) {

  private static final Set<String> HTTP = Set.of("http", "https");
  private static final Set<String> REDIS = Set.of("redis", "rediss");
  private static final URI FIREBASE_JWKS =
      URI.create(
          "https://www.googleapis.com/service_accounts/v1/jwk/securetoken@system.gserviceaccount.com");

  /** The providers SyncWell knows, by their environment prefix. */
  public enum Provider {
    FITBIT,
    STRAVA,
    GARMIN,
    OURA,
    WITHINGS,
    POLAR;

    String prefix() {
      return "SYNCWELL_" + name() + "_";
    }

    /** The provider id used on the wire and in URLs. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Settings {
    providers = Map.copyOf(providers);
  }

  /** Reads and validates every setting; unset ones take the defaults of INTERFACE.md. */
  public static Settings fromEnvironment(Map<String, String> variables) {
    Environment env = new Environment(variables);
    int cores = Runtime.getRuntime().availableProcessors();

    QueueKind queue = env.choice("SYNCWELL_QUEUE", QueueKind.SQLITE);
    Optional<URI> sqsQueueUrl = env.url("SYNCWELL_SQS_QUEUE_URL", HTTP);
    if (queue == QueueKind.SQS && sqsQueueUrl.isEmpty()) {
      throw new InvalidSetting("SYNCWELL_SQS_QUEUE_URL", "is required when SYNCWELL_QUEUE=sqs");
    }
    RateLimiterKind limiter = env.choice("SYNCWELL_RATE_LIMITER", RateLimiterKind.LOCAL);
    Optional<URI> redisUrl = env.url("SYNCWELL_REDIS_URL", REDIS);
    if (limiter == RateLimiterKind.REDIS && redisUrl.isEmpty()) {
      throw new InvalidSetting(
          "SYNCWELL_REDIS_URL", "is required when SYNCWELL_RATE_LIMITER=redis");
    }
    Duration queueVisibility =
        Duration.ofSeconds(env.integer("SYNCWELL_QUEUE_VISIBILITY_SECONDS", 900, 5, 43_200));
    if (queue == QueueKind.SQS && env.url("SYNCWELL_SQS_DLQ_URL", HTTP).isEmpty()) {
      throw new InvalidSetting(
          "SYNCWELL_SQS_DLQ_URL",
          "is required when SYNCWELL_QUEUE=sqs (dead letters are listed there)");
    }
    Optional<Path> masterKeyFile = env.path("SYNCWELL_MASTER_KEY_FILE");
    Optional<String> kmsKeyId = env.text("SYNCWELL_KMS_KEY_ID");
    if (masterKeyFile.isPresent() && kmsKeyId.isPresent()) {
      throw new InvalidSetting(
          "SYNCWELL_KMS_KEY_ID",
          "cannot be set together with SYNCWELL_MASTER_KEY_FILE; choose one");
    }
    return new Settings(
        env.integer("SYNCWELL_PORT", 8080, 1, 65_535),
        env.path("SYNCWELL_DATA_DIR").orElse(Path.of(".syncwell")),
        env.choice("SYNCWELL_STORE", StoreKind.SQLITE),
        queue,
        limiter,
        env.text("AWS_REGION").orElse("us-east-1"),
        env.url("SYNCWELL_DYNAMODB_ENDPOINT", HTTP),
        env.text("SYNCWELL_DYNAMODB_TABLE").orElse("SyncWellMetadata"),
        env.url("SYNCWELL_SQS_ENDPOINT", HTTP),
        sqsQueueUrl,
        env.url("SYNCWELL_SQS_DLQ_URL", HTTP),
        redisUrl,
        Duration.ofMillis(env.integer("SYNCWELL_REDIS_TIMEOUT_MS", 100, 10, 5_000)),
        auth(env),
        new RateSettings(
            env.integer("SYNCWELL_RATE_USER_PER_SECOND", 10, 1, 100_000),
            env.integer("SYNCWELL_RATE_USER_BURST", 20, 1, 100_000),
            env.integer("SYNCWELL_RATE_IP_PER_5MIN", 1000, 1, 10_000_000),
            trustedProxies(env)),
        providers(env),
        env.secret("SYNCWELL_FITBIT_WEBHOOK_SECRET"),
        env.url("SYNCWELL_FITBIT_WEBHOOK_KEYSET_URL", HTTP),
        env.secret("SYNCWELL_STRAVA_WEBHOOK_VERIFY_TOKEN"),
        env.text("SYNCWELL_STRAVA_SUBSCRIPTION_ID"),
        StravaAppLimits.parse(env.text("SYNCWELL_STRAVA_RATE_LIMITS")),
        env.integer("SYNCWELL_WORKER_CONCURRENCY", 2 * cores, 1, 1024),
        Duration.ofSeconds(env.integer("SYNCWELL_JOB_LEASE_SECONDS", 300, 5, 3_600)),
        queueVisibility,
        masterKeyFile,
        kmsKeyId,
        env.choice("SYNCWELL_LOG_LEVEL", LogLevel.INFO),
        adminToken(env),
        env.choice("SYNCWELL_METRICS", MetricsFormat.PROMETHEUS));
  }

  private static Optional<AdminToken> adminToken(Environment env) {
    try {
      return env.text("SYNCWELL_ADMIN_TOKEN").map(AdminToken::of);
    } catch (IllegalArgumentException e) {
      throw new InvalidSetting("SYNCWELL_ADMIN_TOKEN", e.getMessage());
    }
  }

  private static List<String> trustedProxies(Environment env) {
    List<String> proxies =
        env.text("SYNCWELL_TRUSTED_PROXIES").stream()
            .flatMap(v -> Arrays.stream(v.split(",")))
            .map(String::strip)
            .filter(v -> !v.isEmpty())
            .toList();
    try {
      ClientAddress.trusting(proxies);
    } catch (IllegalArgumentException e) {
      throw new InvalidSetting(
          "SYNCWELL_TRUSTED_PROXIES",
          "must be IP addresses or CIDR ranges separated by commas (" + e.getMessage() + ")");
    }
    return proxies;
  }

  private static AuthSettings auth(Environment env) {
    Optional<URI> cognitoIssuer = env.url("SYNCWELL_AUTH_COGNITO_ISSUER", Set.of("https"));
    Optional<String> cognitoClientId = env.text("SYNCWELL_AUTH_COGNITO_CLIENT_ID");
    if (cognitoIssuer.isPresent() != cognitoClientId.isPresent()) {
      String missing =
          cognitoIssuer.isPresent()
              ? "SYNCWELL_AUTH_COGNITO_CLIENT_ID"
              : "SYNCWELL_AUTH_COGNITO_ISSUER";
      throw new InvalidSetting(
          missing, "is required when the other Cognito setting is set; set both or neither");
    }
    Optional<URI> cognitoJwks =
        env.url("SYNCWELL_AUTH_COGNITO_JWKS_URL", HTTP)
            .or(() -> cognitoIssuer.map(i -> URI.create(i + "/.well-known/jwks.json")));
    Optional<Boolean> dev =
        env.text("SYNCWELL_AUTH_DEV").map(v -> env.bool("SYNCWELL_AUTH_DEV", false));
    return new AuthSettings(
        env.text("SYNCWELL_AUTH_FIREBASE_PROJECT_ID"),
        env.url("SYNCWELL_AUTH_FIREBASE_JWKS_URL", HTTP).orElse(FIREBASE_JWKS),
        cognitoIssuer,
        cognitoClientId,
        cognitoJwks,
        dev);
  }

  private static Map<Provider, ProviderSettings> providers(Environment env) {
    Map<Provider, ProviderSettings> all = new EnumMap<>(Provider.class);
    for (Provider p : Provider.values()) {
      String prefix = p.prefix();
      all.put(
          p,
          new ProviderSettings(
              env.url(prefix + "BASE_URL", HTTP),
              env.url(prefix + "AUTH_URL", HTTP),
              env.url(prefix + "TOKEN_URL", HTTP),
              env.text(prefix + "CLIENT_ID"),
              env.secret(prefix + "CLIENT_SECRET")));
    }
    return all;
  }
}
