package com.syncwell.engine.worker;

import com.syncwell.connector.RateLimited;
import com.syncwell.engine.log.JobLogOutcome;
import com.syncwell.engine.log.JobLogScope;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.sync.JobRun;
import com.syncwell.engine.sync.JobRunner;
import com.syncwell.engine.sync.RequestSyncJob;
import com.syncwell.engine.sync.SyncJobMessage;
import com.syncwell.engine.trace.MessageTraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job-queue consumers of one process (ARCHITECTURE.md §6, §8 "Failures").
 *
 * <p>{@link WorkerSettings#receivers()} receive loops on virtual threads each lease a batch of
 * messages and start them one by one as job slots free up; at most {@link
 * WorkerSettings#concurrency()} jobs run at once, each on its own virtual thread. Every held
 * delivery, running or waiting for a slot, has its lease extended by {@link #heartbeat()} (every
 * {@link WorkerSettings#heartbeatEvery()} once started), so a long job is not delivered twice.
 *
 * <p>Outcomes: {@link JobRun.Finished} and {@link JobRun.NotRun} delete the message. A body that is
 * not a {@link SyncJobMessage} is a poison message: logged by id, counted and deleted. {@link
 * RateLimited} re-sends the message as a fresh one due after the reset plus a full jitter ({@link
 * DeferredResend}), so rate limits never bring a job closer to the dead-letter queue. Anything else
 * ({@code Transient}, {@code StorageFailure}, a bug) puts the message back with an exponential
 * backoff by its receive count ({@link RedeliveryDelays}); the queue dead-letters it after its
 * maximum receives (5).
 *
 * <p>Logs and traces: each job runs inside a {@link JobLogScope} (job id, the correlation id the
 * message carried, the owner's hashed id; one last line with the run's {@link JobLogOutcome}) and a
 * {@code sync job} span whose parent is the W3C trace context the message carried.
 *
 * <p>{@link #stop} stops receiving, gives back unstarted deliveries at once, and waits for running
 * jobs up to a bound.
 */
public final class SyncWorkers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SyncWorkers.class);
  private static final Duration RECEIVE_FAILURE_PAUSE = Duration.ofSeconds(1);

  private enum State {
    NEW,
    RUNNING,
    STOPPING,
    STOPPED
  }

  private final JobQueue queue;
  private final JobRunner runner;
  private final WorkerSettings settings;
  private final Clock clock;
  private final String workerId;
  private final RedeliveryDelays delays;
  private final DeferredResend resend;
  private final HeldMessages held = new HeldMessages();
  private final OutcomeTally tally = new OutcomeTally();
  private final Semaphore slots;
  private final ExecutorService jobs =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("syncwell-job-", 0).factory());
  private final List<Thread> receivers = new CopyOnWriteArrayList<>();
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private volatile ScheduledExecutorService heartbeats;

  /**
   * @param workerId this process's worker instance id, the job lease owner (no user data)
   * @param random jitter source
   */
  public SyncWorkers(
      JobQueue queue,
      JobRunner runner,
      WorkerSettings settings,
      Clock clock,
      RandomGenerator random,
      String workerId) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.workerId = Objects.requireNonNull(workerId, "workerId");
    this.delays = new RedeliveryDelays(settings.retryBase(), random);
    this.resend = new DeferredResend(queue, clock);
    this.slots = new Semaphore(settings.concurrency());
  }

  /** Starts the receive loops and the heartbeat. */
  public void start() {
    if (!state.compareAndSet(State.NEW, State.RUNNING)) {
      throw new IllegalStateException("workers start once");
    }
    ScheduledExecutorService beat =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("syncwell-heartbeat").daemon().factory());
    long every = settings.heartbeatEvery().toMillis();
    beat.scheduleWithFixedDelay(this::beatQuietly, every, every, TimeUnit.MILLISECONDS);
    heartbeats = beat;
    for (int i = 0; i < settings.receivers(); i++) {
      receivers.add(Thread.ofVirtual().name("syncwell-receiver-" + i).start(this::receiveLoop));
    }
    log.info(
        "worker {} started: {} receivers, {} job slots, lease {}",
        workerId,
        settings.receivers(),
        settings.concurrency(),
        settings.visibilityTimeout());
  }

  /**
   * Extends the lease of every delivery this process holds to the visibility timeout from now, and
   * returns how many it extended. The heartbeat thread calls it; tests call it directly.
   */
  public int heartbeat() {
    return held.extendAll(queue, settings.visibilityTimeout());
  }

  private void beatQuietly() {
    try {
      heartbeat();
    } catch (RuntimeException e) {
      // a scheduled task that throws is never run again
      log.warn("heartbeat failed ({})", e.getClass().getName());
    }
  }

  /** What the workers did so far. */
  public WorkerCounts counts() {
    return tally.snapshot();
  }

  /** Jobs running right now. */
  public int running() {
    return settings.concurrency() - slots.availablePermits();
  }

  /** {@link #stop(Duration)} with the settings' grace. */
  public StopReport stop() {
    return stop(settings.stopGrace());
  }

  /**
   * Stops receiving, gives back every delivery not yet started (visible again at once), and waits
   * up to {@code grace} for running jobs; a job still running then is interrupted and its message
   * comes back when its lease runs out. The heartbeat keeps running jobs leased while it waits.
   */
  public StopReport stop(Duration grace) {
    if (state.compareAndSet(State.NEW, State.STOPPED)) {
      return new StopReport(0, 0);
    }
    if (!state.compareAndSet(State.RUNNING, State.STOPPING)) {
      return new StopReport(0, 0);
    }
    long releasedBefore = tally.released.sum();
    long deadline = System.nanoTime() + grace.toNanos();
    receivers.forEach(Thread::interrupt);
    boolean interrupted = false;
    for (Thread receiver : receivers) {
      try {
        receiver.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    jobs.shutdown();
    int abandoned = 0;
    try {
      if (!jobs.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        abandoned = running();
        jobs.shutdownNow();
      }
    } catch (InterruptedException e) {
      interrupted = true;
      abandoned = running();
      jobs.shutdownNow();
    }
    heartbeats.shutdownNow();
    state.set(State.STOPPED);
    int released = (int) (tally.released.sum() - releasedBefore);
    log.info("worker {} stopped: {} released, {} abandoned", workerId, released, abandoned);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return new StopReport(released, abandoned);
  }

  @Override
  public void close() {
    stop();
  }

  private void receiveLoop() {
    ReceiveRequest request =
        new ReceiveRequest(settings.batchSize(), settings.waitTime(), settings.visibilityTimeout());
    while (state.get() == State.RUNNING) {
      List<ReceivedMessage> batch;
      try {
        batch = queue.receive(request);
      } catch (RuntimeException e) {
        if (state.get() == State.RUNNING) {
          log.warn("receive failed ({}); pausing", e.getClass().getName());
          pause();
        }
        continue;
      }
      List<HeldMessage> holding = batch.stream().map(held::hold).toList();
      int started = 0;
      try {
        while (started < holding.size() && state.get() == State.RUNNING) {
          slots.acquire();
          startJob(holding.get(started));
          started++;
        }
      } catch (InterruptedException e) {
        // stop() interrupts; the unstarted rest is released below
      }
      Thread.interrupted(); // the queue calls below must not see a stale interrupt
      for (int i = started; i < holding.size(); i++) {
        releaseUnstarted(holding.get(i));
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(RECEIVE_FAILURE_PAUSE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void startJob(HeldMessage message) {
    try {
      jobs.execute(
          () -> {
            try {
              handle(message);
            } finally {
              held.forget(message);
              slots.release();
            }
          });
    } catch (RejectedExecutionException e) {
      slots.release();
      releaseUnstarted(message);
    }
  }

  private void releaseUnstarted(HeldMessage message) {
    settle(message, "release", m -> queue.changeVisibility(m.receipt(), Duration.ZERO));
    held.forget(message);
    tally.released.increment();
  }

  private void handle(HeldMessage message) {
    ReceivedMessage delivery = message.message();
    SyncJobMessage job;
    try {
      job = SyncJobMessage.parse(delivery.body());
    } catch (IllegalArgumentException e) {
      tally.poison.increment();
      log.warn("message {} is not a sync job message; deleting it", delivery.id());
      settle(message, "delete", m -> queue.delete(m.receipt()));
      return;
    }
    Span span =
        MessageTraceContext.tracer()
            .spanBuilder("sync job")
            .setSpanKind(SpanKind.CONSUMER)
            .setParent(MessageTraceContext.extract(delivery.attributes()))
            .setAttribute("syncwell.job_id", job.jobId())
            .setAttribute("messaging.message.id", delivery.id().value())
            .setAttribute("syncwell.delivery", delivery.receiveCount())
            .startSpan();
    try (Scope traced = span.makeCurrent();
        JobLogScope scope =
            JobLogScope.open(
                job.jobId(),
                delivery.id().value(),
                job.userId(),
                delivery.attributes().get(RequestSyncJob.CORRELATION_ATTRIBUTE))) {
      run(message, job, scope, span);
    } finally {
      span.end();
    }
  }

  /** Runs one job inside its logging scope and span, and settles its message. */
  private void run(HeldMessage message, SyncJobMessage job, JobLogScope scope, Span span) {
    ReceivedMessage delivery = message.message();
    Optional<Instant> dueLater = resend.dueLater(delivery);
    if (dueLater.isPresent()) {
      tally.hops.increment();
      log.debug("job {} (message {}) not due yet; re-sent", job.jobId(), delivery.id());
      putBackUntil(message, dueLater.get());
      scope.end(JobLogOutcome.DEFERRED, "not due yet");
      return;
    }
    log.info(
        "sync job {} started (message {}, delivery {})",
        job.jobId(),
        delivery.id(),
        delivery.receiveCount());
    try {
      JobRun run = runner.run(job, workerId);
      switch (run) {
        case JobRun.Finished f -> {
          tally.finished.increment();
          scope.end(
              f.status() == JobStatus.SUCCEEDED ? JobLogOutcome.SUCCEEDED : JobLogOutcome.FAILED,
              "finished " + f.status());
          if (f.status() != JobStatus.SUCCEEDED) {
            span.setStatus(StatusCode.ERROR, "job " + f.status());
          }
        }
        case JobRun.NotRun n -> {
          tally.notRun.increment();
          scope.end(JobLogOutcome.NOT_RUN, "not run: " + n.reason());
        }
        case JobRun.Deferred d -> {
          tally.deferred.increment();
          putBackUntil(message, d.until());
          scope.end(JobLogOutcome.DEFERRED, "deferred: " + d.reason());
          return;
        }
      }
      settle(message, "delete", m -> queue.delete(m.receipt()));
    } catch (RateLimited e) {
      Duration wait = delays.afterRateLimit(e.retryAfter(clock));
      tally.rateLimited.increment();
      log.info(
          "job {} (message {}) rate limited by {}; back in {}",
          job.jobId(),
          delivery.id(),
          e.provider(),
          wait);
      putBackUntil(message, clock.instant().plus(wait));
      scope.end(JobLogOutcome.RATE_LIMITED, "rate limited by " + e.provider());
    } catch (RuntimeException e) {
      Duration backoff = delays.afterFailure(delivery.receiveCount());
      log.warn(
          "job {} (message {}) failed on delivery {} ({}); retry in {}",
          job.jobId(),
          delivery.id(),
          delivery.receiveCount(),
          e.getClass().getName(),
          backoff);
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      settle(message, "back off", m -> queue.changeVisibility(m.receipt(), backoff));
      tally.retried.increment();
      scope.end(JobLogOutcome.RETRY, "failed on delivery " + delivery.receiveCount());
    }
  }

  /**
   * Re-sends as a fresh message due at {@code due}; if that fails, falls back to a plain lease
   * change, which spends a delivery but loses nothing.
   */
  private void putBackUntil(HeldMessage message, Instant due) {
    settle(
        message,
        "re-send",
        m -> {
          try {
            return resend.resend(m, due);
          } catch (RuntimeException e) {
            log.warn(
                "could not re-send message {} ({}); delaying this delivery instead",
                m.id(),
                e.getClass().getName());
            Duration wait = Duration.between(clock.instant(), due);
            wait = wait.isNegative() ? Duration.ZERO : wait;
            return queue.changeVisibility(
                m.receipt(),
                wait.compareTo(RedeliveryDelays.MAX) > 0 ? RedeliveryDelays.MAX : wait);
          }
        });
  }

  private void settle(HeldMessage message, String what, Predicate<ReceivedMessage> action) {
    try {
      if (!message.settle(action)) {
        log.info(
            "could not {} message {}: its lease was lost; it may be delivered again",
            what,
            message.message().id());
      }
    } catch (RuntimeException e) {
      log.warn(
          "could not {} message {} ({}); it comes back when its lease runs out",
          what,
          message.message().id(),
          e.getClass().getName());
    }
  }
}
