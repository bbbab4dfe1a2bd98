package com.syncwell.api.metrics;

import com.syncwell.api.http.HttpMetrics;
import com.syncwell.domain.DataType;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.Tier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one list of metric dimensions and the closed set of values each may take (ARCHITECTURE.md
 * §10). A tag value comes from these sets or is mapped onto {@link #OTHER}; never a user id, job
 * id, raw path or provider account id. The route template set is the route table's, so it is passed
 * in ({@link #allowed(Set)}).
 */
public final class MetricDimensions {
  /** The value a tag takes when the input is outside its set. */
  public static final String OTHER = "other";

  public static final String ROUTE = "route";
  public static final String METHOD = "method";
  public static final String STATUS = "status";
  public static final String PROVIDER = "provider";
  public static final String DATA_TYPE = "data_type";
  public static final String TIER = "tier";
  public static final String TRIGGER = "trigger";
  public static final String OUTCOME = "outcome";
  public static final String STAGE = "stage";
  public static final String STATE = "state";
  public static final String POLICY = "policy";
  public static final String VERDICT = "verdict";
  public static final String RESULT = "result";

  /** Provider ids SyncWell knows (PROVIDERS.md), plus {@link #OTHER}. */
  public static final Set<String> PROVIDERS =
      Set.of("fitbit", "strava", "garmin", "oura", "withings", "polar", OTHER);

  public static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "OTHER");
  public static final Set<String> STATUS_CLASSES = Set.of("1xx", "2xx", "3xx", "4xx", "5xx");
  public static final Set<String> DATA_TYPES =
      Arrays.stream(DataType.values()).map(DataType::wireName).collect(Collectors.toSet());
  public static final Set<String> TIERS = lowerCase(Tier.values());
  public static final Set<String> TRIGGERS = lowerCase(JobTrigger.values());
  public static final Set<String> OUTCOMES = lowerCase(JobOutcome.values());

  /** What a job did to records, from its report. */
  public static final Set<String> RECORD_STAGES =
      Set.of("listed", "hydrated", "written", "skipped", "failed");

  /**
   * {@code state} is shared by the queue gauges (visible ...) and the circuit-breaker gauge (closed
   * ...).
   */
  public static final Set<String> STATES =
      Set.of(
          "visible",
          "in_flight",
          "delayed",
          "dead_lettered",
          "closed",
          "open",
          "half_open",
          "disabled",
          "forced_open",
          "metrics_only");

  /** The API's rate-limit policies ({@code RateSettings}). */
  public static final Set<String> POLICIES = Set.of("user", "ip", OTHER);

  public static final Set<String> WEBHOOK_VERDICTS =
      Set.of("accepted", "refused", "unavailable", "failed");
  public static final Set<String> IDEMPOTENCY_RESULTS =
      Set.of("replayed", "in_flight", "key_reused");

  private MetricDimensions() {}

  /**
   * Every dimension and its allowed values.
   *
   * @param routeTemplates the route table's templates; {@link HttpMetrics#UNMATCHED} is added
   */
  public static Map<String, Set<String>> allowed(Set<String> routeTemplates) {
    Set<String> routes = new LinkedHashSet<>(routeTemplates);
    routes.add(HttpMetrics.UNMATCHED);
    Map<String, Set<String>> all = new LinkedHashMap<>();
    all.put(ROUTE, Set.copyOf(routes));
    all.put(METHOD, METHODS);
    all.put(STATUS, STATUS_CLASSES);
    all.put(PROVIDER, PROVIDERS);
    all.put(DATA_TYPE, DATA_TYPES);
    all.put(TIER, TIERS);
    all.put(TRIGGER, TRIGGERS);
    all.put(OUTCOME, OUTCOMES);
    all.put(STAGE, RECORD_STAGES);
    all.put(STATE, STATES);
    all.put(POLICY, POLICIES);
    all.put(VERDICT, WEBHOOK_VERDICTS);
    all.put(RESULT, IDEMPOTENCY_RESULTS);
    return Map.copyOf(all);
  }

  /** {@code id} when it is a known provider id, else {@link #OTHER}. */
  public static String provider(String id) {
    return id != null && PROVIDERS.contains(id) ? id : OTHER;
  }

  /** {@code name} when it is a known rate-limit policy, else {@link #OTHER}. */
  public static String policy(String name) {
    return name != null && POLICIES.contains(name) ? name : OTHER;
  }

  /** The lower-case name of an enum constant. */
  public static String tag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static Set<String> lowerCase(Enum<?>[] values) {
    return Arrays.stream(values).map(MetricDimensions::tag).collect(Collectors.toSet());
  }
}
