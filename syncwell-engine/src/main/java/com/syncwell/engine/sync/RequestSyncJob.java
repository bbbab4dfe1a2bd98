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
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(alsoCommit, "alsoCommit");
    Span span =
        MessageTraceContext.tracer()
            .spanBuilder("enqueue sync job")
            .setSpanKind(SpanKind.PRODUCER)
            .setAttribute("syncwell.trigger", trigger.name())
            .startSpan();
    Job job;
    try (Scope ignored = span.makeCurrent()) {
      Map<String, String> trace = MessageTraceContext.inject(Context.current());
      AtomicReference<Job> created = new AtomicReference<>();
      try {
        job =
            commits.together(
                () -> {
                  Job fresh = jobs.create(userId, configId, trigger, window);
                  created.set(fresh);
                  queue.send(message(fresh, correlationId, trace));
                  alsoCommit.accept(fresh);
                  return fresh;
                });
      } catch (RuntimeException e) {
        cancelQuietly(created.get(), e);
        throw e;
      }
      requests.requested(trigger);
      span.setAttribute("syncwell.job_id", job.jobId());
      LOG.info("sync job {} requested ({})", job.jobId(), trigger);
    } catch (RuntimeException e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
    return job;
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

  /**
   * Cancels a job whose message was not sent. After a grouped commit rolled the job back there is
   * nothing to cancel and this only finds it missing.
   */
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
