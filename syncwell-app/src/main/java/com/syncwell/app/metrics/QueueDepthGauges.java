package com.syncwell.app.metrics;

import com.syncwell.api.metrics.MetricDimensions;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.QueueDepth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code syncwell.queue.messages} by {@code state} (visible, in_flight, delayed, dead_lettered):
 * the job queue's approximate depth, asked every {@link #EVERY} on a daemon thread and cached, so
 * scrapes never call the queue (on SQS a depth is two GetQueueAttributes calls). A gauge is NaN
 * until the first answer; a failed poll keeps the last answer and is logged at WARN.
 *
 * <p>The age of the oldest message is not measured: the {@link JobQueue} port has no cheap way to
 * it (SQS's GetQueueAttributes does not give it; CloudWatch's {@code ApproximateAgeOfOldestMessage}
 * does, on AWS).
 */
public final class QueueDepthGauges implements AutoCloseable {
  public static final Duration EVERY = Duration.ofSeconds(15);
  private static final Logger LOG = LoggerFactory.getLogger(QueueDepthGauges.class);

  private final JobQueue queue;
  private final AtomicReference<QueueDepth> last = new AtomicReference<>();
  private volatile ScheduledExecutorService poller;

  public QueueDepthGauges(JobQueue queue, MeterRegistry registry) {
    this.queue = Objects.requireNonNull(queue, "queue");
    gauge(registry, "visible", QueueDepth::visible);
    gauge(registry, "in_flight", QueueDepth::inFlight);
    gauge(registry, "delayed", QueueDepth::delayed);
    gauge(registry, "dead_lettered", QueueDepth::deadLettered);
  }

  private void gauge(MeterRegistry registry, String state, ToDoubleFunction<QueueDepth> part) {
    Gauge.builder(
            "syncwell.queue.messages",
            last,
            ref -> {
              QueueDepth depth = ref.get();
              return depth == null ? Double.NaN : part.applyAsDouble(depth);
            })
        .description("Approximate job-queue depth by state, polled every 15 s")
        .tag(MetricDimensions.STATE, state)
        .register(registry);
  }

  /** Asks the queue once now; true when it answered. Tests call it directly. */
  public boolean poll() {
    try {
      last.set(queue.approximateDepth());
      return true;
    } catch (RuntimeException e) {
      LOG.warn("queue depth poll failed ({}); keeping the last value", e.getClass().getName());
      return false;
    }
  }

  /** Polls now and then every {@link #EVERY} until {@link #close}. */
  public synchronized QueueDepthGauges start() {
    if (poller != null) {
      throw new IllegalStateException("already started");
    }
    ScheduledExecutorService s =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("syncwell-queue-depth").daemon().factory());
    s.scheduleWithFixedDelay(this::poll, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    poller = s;
    return this;
  }

  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }
}
