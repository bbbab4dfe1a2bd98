package com.syncwell.api.metrics;

import com.syncwell.api.webhook.WebhookReceiver;
import com.syncwell.api.webhook.WebhookReply;
import com.syncwell.api.webhook.WebhookRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * A {@link WebhookReceiver} that counts what arrives: {@code syncwell.webhooks.received} by {@code
 * provider} and {@code verdict} — {@code accepted} (2xx, verification challenges included), {@code
 * refused} (4xx: bad secret or signature, malformed), {@code unavailable} (5xx reply, e.g. the
 * signing keys cannot be fetched) or {@code failed} (the receiver threw; rethrown). Thread-safe as
 * the delegate is.
 */
public final class MeteredWebhookReceiver implements WebhookReceiver {
  private final WebhookReceiver delegate;
  private final MeterRegistry registry;
  private final String provider;

  public MeteredWebhookReceiver(WebhookReceiver delegate, MeterRegistry registry) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.provider = MetricDimensions.provider(delegate.provider());
  }

  @Override
  public String provider() {
    return delegate.provider();
  }

  @Override
  public WebhookReply handle(WebhookRequest request) {
    WebhookReply reply;
    try {
      reply = delegate.handle(request);
    } catch (RuntimeException e) {
      count("failed");
      throw e;
    }
    int status = reply.status();
    count(status >= 500 ? "unavailable" : status >= 400 ? "refused" : "accepted");
    return reply;
  }

  private void count(String verdict) {
    Counter.builder("syncwell.webhooks.received")
        .description("Webhook requests by provider and verdict")
        .tag(MetricDimensions.PROVIDER, provider)
        .tag(MetricDimensions.VERDICT, verdict)
        .register(registry)
        .increment();
  }
}
