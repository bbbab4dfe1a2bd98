package com.syncwell.api;

import com.syncwell.api.auth.Authenticator;
import com.syncwell.api.http.RateSettings;
import com.syncwell.api.ops.AdminToken;
import com.syncwell.api.webhook.WebhookReceiver;
import com.syncwell.engine.port.limit.RateLimiter;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.table.MetadataTable;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link ApiServer} needs, built by the composition root.
 *
 * @param table the metadata table (readiness probe, idempotency records)
 * @param queue the job queue (readiness probe)
 * @param useCases the engine use cases behind the resources ({@link ApiUseCases#wire})
 * @param webhooks one receiver per provider id
 * @param meters where request metrics go and what {@code /metrics} serves
 * @param adminToken the operator's token for {@code /v1/admin/**} routes; empty: those routes
 *     answer 404
 */
public record ApiDependencies(
    MetadataTable table,
    JobQueue queue,
    ApiUseCases useCases,
    Authenticator authenticator,
    RateLimiter rateLimiter,
    RateSettings rates,
    List<WebhookReceiver> webhooks,
    Clock clock,
    PrometheusMeterRegistry meters,
    Optional<AdminToken> adminToken) {
  /** Without admin routes. */
  public ApiDependencies(
      MetadataTable table,
      JobQueue queue,
      ApiUseCases useCases,
      Authenticator authenticator,
      RateLimiter rateLimiter,
      RateSettings rates,
      List<WebhookReceiver> webhooks,
      Clock clock,
      PrometheusMeterRegistry meters) {
    this(
        table,
        queue,
        useCases,
        authenticator,
        rateLimiter,
        rates,
        webhooks,
        clock,
        meters,
        Optional.empty());
  }

  public ApiDependencies {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(useCases, "useCases");
    Objects.requireNonNull(authenticator, "authenticator");
    Objects.requireNonNull(rateLimiter, "rateLimiter");
    Objects.requireNonNull(rates, "rates");
    webhooks = List.copyOf(webhooks);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(meters, "meters");
    Objects.requireNonNull(adminToken, "adminToken");
  }
}
