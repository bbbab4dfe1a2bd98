package com.syncwell.app.capacity;

import java.util.Arrays;
import java.util.Optional;

/** Every assumption the model reads, by its key in the price file. */
public enum Assumption {
  DAILY_ACTIVE_USERS("dailyActiveUsers", "daily active users"),
  SESSIONS_PER_USER_PER_DAY("sessionsPerUserPerDay", "sessions per user per day"),
  REQUESTS_PER_SESSION("requestsPerSession", "API requests per session"),
  SYNCS_PER_USER_PER_DAY("syncsPerUserPerDay", "syncs per user per day"),
  PEAK_TO_AVERAGE("peakToAverage", "peak-to-average ratio"),
  TYPICAL_PAYLOAD_KB("typicalPayloadKb", "typical sync payload, KB"),
  HEAVY_PAYLOAD_KB("heavyPayloadKb", "heavy sync payload, KB"),
  HEAVY_SHARE("heavyShare", "share of syncs with a heavy payload"),
  API_RESPONSE_BYTES("apiResponseBytes", "average API response body, bytes"),
  DB_WRITES_PER_SYNC("dbWritesPerSync", "billed table writes per sync, primary region"),
  DB_REPLICAS("dbReplicas", "table replicas (global table regions beyond the primary)"),
  DB_READS_PER_REQUEST("dbReadsPerRequest", "table reads per API request"),
  DB_READS_PER_SYNC("dbReadsPerSync", "table reads per sync"),
  CACHE_OPS_PER_REQUEST("cacheOpsPerRequest", "cache operations per API request"),
  CACHE_OPS_PER_SYNC("cacheOpsPerSync", "cache operations per sync"),
  API_GB_SECONDS_PER_REQUEST("apiGbSecondsPerRequest", "API Lambda GB-seconds per request"),
  WORKER_GB_SECONDS_PER_SYNC("workerGbSecondsPerSync", "worker Lambda GB-seconds per sync"),
  SYNCS_PER_WORKER_INVOCATION("syncsPerWorkerInvocation", "syncs per worker invocation (batch)"),
  QUEUE_REQUESTS_PER_SYNC("queueRequestsPerSync", "queue API requests per sync"),
  KMS_REQUESTS_PER_SYNC("kmsRequestsPerSync", "KMS requests per sync"),
  NAT_PASSES_PER_PAYLOAD_BYTE("natPassesPerPayloadByte", "NAT passes per sync payload byte"),
  LOG_BYTES_PER_REQUEST("logBytesPerRequest", "log bytes ingested per API request"),
  LOG_BYTES_PER_SYNC("logBytesPerSync", "log bytes ingested per sync, after sampling"),
  LOG_RETENTION_DAYS("logRetentionDays", "log retention, days"),
  CUSTOM_METRICS("customMetrics", "custom metrics (closed dimension sets)"),
  STORED_KB_PER_USER("storedKbPerUser", "table storage per user, KB"),
  CACHE_STORED_GB("cacheStoredGb", "cache data stored, GB"),
  NAT_GATEWAYS("natGateways", "NAT gateways (one per availability zone)"),
  KMS_KEYS("kmsKeys", "KMS keys"),
  COGNITO_MONTHLY_ACTIVE_USERS("cognitoMonthlyActiveUsers", "Cognito monthly active users"),
  ALB_NEW_CONNECTIONS_PER_REQUEST(
      "albNewConnectionsPerRequest", "load balancer new connections per request (serve fleet)");

  private final String key;
  private final String description;

  Assumption(String key, String description) {
    this.key = key;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  public static Optional<Assumption> byKey(String key) {
    return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
  }
}
