package com.syncwell.engine.sync;

import com.syncwell.connector.TimeWindow;
import com.syncwell.engine.port.CommitGroup;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobRequests;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.trace.MessageTraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests one sync of a stored config: creates a QUEUED job and sends its {@link SyncJobMessage}
 * with the correlation id and the W3C trace context ({@code traceparent}) of an {@code enqueue sync
 * job} span as message attributes, and logs the job id (with the caller's correlation id in the
 * logging context).
 *
 * <p>The job is created before the message is sent, so a worker never receives a message for a job
 * it cannot read; both writes go through one {@link CommitGroup}, so the embedded store commits
 * them together (a crash leaves both or neither). If sending fails the job is cancelled (when the
 * stores did not roll it back already) and the failure propagates; the caller (an API request, a
 * webhook) answers with an error and may retry. Not idempotent by itself: callers that must not
 * enqueue twice (idempotency keys, webhook coalescing) check first.
 */
public final class RequestSyncJob {
  public static final String CORRELATION_ATTRIBUTE = "correlationId";
  private static final Logger LOG = LoggerFactory.getLogger(RequestSyncJob.class);

  private final JobStore jobs;
  private final JobQueue queue;
  private final CommitGroup commits;
  private final JobRequests requests;

  /** Job and message committed one by one. */
  public RequestSyncJob(JobStore jobs, JobQueue queue) {
    this(jobs, queue, CommitGroup.separately());
  }

  /** Job and message committed through {@code commits}. */
  public RequestSyncJob(JobStore jobs, JobQueue queue, CommitGroup commits) {
    this(jobs, queue, commits, JobRequests.IGNORED);
  }

  /** Job and message committed through {@code commits}; {@code requests} told of each committed. */
  public RequestSyncJob(JobStore jobs, JobQueue queue, CommitGroup commits, JobRequests requests) {
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.commits = Objects.requireNonNull(commits, "commits");
    this.requests = Objects.requireNonNull(requests, "requests");
  }

  /** Creates and enqueues an incremental job for {@code configId}, owned by {@code userId}. */
  public Job request(String userId, String configId, JobTrigger trigger, String correlationId) {
    return request(userId, configId, trigger, Optional.empty(), correlationId);
  }

  /**
   * Creates and enqueues a job for {@code configId}; with a {@code window}, a historical one (see
   * {@link JobStore#create(String, String, JobTrigger, Optional)}).
   */
  public Job request(
      String userId,
      String configId,
      JobTrigger trigger,
      Optional<TimeWindow> window,
      String correlationId) {
    return request(userId, configId, trigger, window, correlationId, job -> {});
  }

  /**
   * Like {@link #request(String, String, JobTrigger, Optional, String)}, and {@code alsoCommit}
   * runs with the created job after its message was sent, inside the same {@link CommitGroup}: its
   * writes to the same stores (such as the caller's idempotency record) commit with the job and the
   * message, or, where the group is atomic, not at all. When it throws, the request fails as if the
   * send had failed.
   */
  public Job request(
      String userId,
      String configId,
      JobTrigger trigger,
      Optional<TimeWindow> window,
      String correlationId,
      Consumer<Job> alsoCommit) {
    return request(
        userId,
        trigger,
        correlationId,
        () -> new JobDecision.CreateJob<>(configId, window, job -> job),
        alsoCommit);
  }

  /**
   * Decides and requests in one commit: {@code decide} runs inside the {@link CommitGroup}, first;
   * when it answers {@link JobDecision.CreateJob}, the job is created, its message sent and {@code
   * alsoCommit} run in the same group, and this returns the decision's outcome of the job; when it
   * answers {@link JobDecision.NoJob}, this returns that outcome. On an atomic group what {@code
   * decide} read and wrote commits with the job, so nothing another write does can fall between the
   * check and the job; and on the embedded store its reads run on the writer's connection, whose
   * page cache every commit keeps warm.
   *
   * <p>{@code decide} and {@code alsoCommit} may run on the thread that commits the group (see
   * {@link CommitGroup}): they must not rely on thread-local context such as the logging or tracing
   * context.
   */
  public <R> R request(
      String userId,
      JobTrigger trigger,
      String correlationId,
      Supplier<JobDecision<R>> decide,
      Consumer<Job> alsoCommit) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(decide, "decide");
    Objects.requireNonNull(alsoCommit, "alsoCommit");
    Context caller = Context.current();
    AtomicReference<Span> span = new AtomicReference<>();
    AtomicReference<Job> created = new AtomicReference<>();
    R outcome;
    try {
      outcome =
          commits.together(
              () ->
                  switch (decide.get()) {
                    case JobDecision.NoJob<R> none -> none.outcome();
                    case JobDecision.CreateJob<R> create -> {
                      Span enqueue = enqueueSpan(caller, trigger);
                      span.set(enqueue);
                      Job fresh = jobs.create(userId, create.configId(), trigger, create.window());
                      created.set(fresh);
                      queue.send(
                          message(
                              fresh,
                              correlationId,
                              MessageTraceContext.inject(caller.with(enqueue))));
                      alsoCommit.accept(fresh);
                      yield create.outcome().apply(fresh);
                    }
                  });
    } catch (RuntimeException e) {
      if (!commits.atomic()) {
        cancelQuietly(created.get(), e);
      }
      Span enqueue = span.get();
      if (enqueue != null) {
        enqueue.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
        enqueue.end();
      }
      throw e;
    }
    Job job = created.get();
    if (job != null) {
      requests.requested(trigger);
      Span enqueue = span.get();
      enqueue.setAttribute("syncwell.job_id", job.jobId());
      try (Scope ignored = enqueue.makeCurrent()) {
        LOG.info("sync job {} requested ({})", job.jobId(), trigger);
      } finally {
        enqueue.end();
      }
    }
    return outcome;
  }

  /** Started with an explicit parent: the group may run it on another thread than the caller's. */
  private static Span enqueueSpan(Context caller, JobTrigger trigger) {
    return MessageTraceContext.tracer()
        .spanBuilder("enqueue sync job")
        .setParent(caller)
        .setSpanKind(SpanKind.PRODUCER)
        .setAttribute("syncwell.trigger", trigger.name())
        .startSpan();
  }

  private static OutgoingMessage message(Job job, String correlationId, Map<String, String> trace) {
    OutgoingMessage message =
        OutgoingMessage.of(new SyncJobMessage(job.userId(), job.jobId()).toBody())
            .withAttribute(CORRELATION_ATTRIBUTE, correlationId);
    for (var e : trace.entrySet()) {
      message = message.withAttribute(e.getKey(), e.getValue());
    }
    return message;
  }

  /** Cancels a job whose message was not sent (where the group did not roll both back). */
  private void cancelQuietly(Job created, RuntimeException cause) {
    if (created == null) {
      return;
    }
    try {
      jobs.cancel(created.userId(), created.jobId());
    } catch (RuntimeException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }
}
