package com.syncwell.engine.log;

import com.syncwell.engine.store.Tier;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The logging context of one job run on the current thread: sets the job id, the run key, the raw
 * user id (hashed by the encoder) and the correlation id in the MDC when opened, logs the run's
 * last line (marked {@link LogFields#JOB_END}, with its {@link JobLogOutcome}) on {@link #end}, and
 * clears them all on {@link #close}.
 *
 * <p><b>Threading:</b> confined to the thread that opened it; a job's code runs on that thread.
 * Closing without {@link #end} ends the run as {@link JobLogOutcome#RETRY} (its lines are kept).
 */
public final class JobLogScope implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobLogScope.class);
  private static final Pattern WELL_FORMED_CORRELATION = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  private final String jobId;
  private final String correlationId;
  private boolean ended;

  private JobLogScope(String jobId, String correlationId) {
    this.jobId = jobId;
    this.correlationId = correlationId;
  }

  /**
   * Opens the context of a run of {@code jobId}.
   *
   * @param runKey distinguishes runs of the same job (the delivery's message id)
   * @param userId the job owner's raw id (hashed by the encoder, never printed)
   * @param correlationId the id the message carried; when absent or malformed, the job id is used
   */
  public static JobLogScope open(String jobId, String runKey, String userId, String correlationId) {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(runKey, "runKey");
    Objects.requireNonNull(userId, "userId");
    String correlation = isWellFormed(correlationId) ? correlationId : jobId;
    MDC.put(LogFields.CORRELATION_ID, correlation);
    MDC.put(LogFields.JOB_ID, jobId);
    MDC.put(LogFields.JOB_RUN, jobId + "/" + runKey);
    MDC.put(LogFields.USER, userId);
    return new JobLogScope(jobId, correlation);
  }

  /** The correlation id the run's lines carry. */
  public String correlationId() {
    return correlationId;
  }

  /**
   * Records the job owner's tier for the rest of the run (the backend samples by it); a name that
   * is no {@link Tier} is ignored (the run is then sampled as FREE).
   */
  public static void tier(String tier) {
    for (Tier known : Tier.values()) {
      if (known.name().equalsIgnoreCase(tier)) {
        MDC.put(LogFields.TIER, known.name());
      }
    }
  }

  /** Logs the run's last line; the backend then keeps or drops the run's buffered lines. */
  public void end(JobLogOutcome outcome, String detail) {
    Objects.requireNonNull(outcome, "outcome");
    if (ended) {
      return;
    }
    ended = true;
    MDC.put(LogFields.JOB_OUTCOME, outcome.name());
    try {
      LOG.info(LogFields.JOB_END, "sync job {} run ended {}: {}", jobId, outcome, detail);
    } finally {
      MDC.remove(LogFields.JOB_OUTCOME);
    }
  }

  @Override
  public void close() {
    try {
      end(JobLogOutcome.RETRY, "the run ended without an outcome");
    } finally {
      MDC.remove(LogFields.CORRELATION_ID);
      MDC.remove(LogFields.JOB_ID);
      MDC.remove(LogFields.JOB_RUN);
      MDC.remove(LogFields.USER);
      MDC.remove(LogFields.TIER);
    }
  }

  static boolean isWellFormed(String correlationId) {
    return correlationId != null && WELL_FORMED_CORRELATION.matcher(correlationId).matches();
  }
}
