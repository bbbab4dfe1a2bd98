package com.syncwell.engine.log;

import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The names of the logging context (SLF4J MDC) entries and markers SyncWell's code sets and its
 * logging backend reads. A contract between the engine and the application's logback configuration:
 * rename nothing without changing both.
 */
public final class LogFields {
  /** The request's correlation id ({@code X-Correlation-Id}), carried to the job it caused. */
  public static final String CORRELATION_ID = "correlationId";

  /** The id of the sync job a line belongs to. */
  public static final String JOB_ID = "jobId";

  /** The job owner's tier ({@code FREE}, {@code PRO}) once the job has read it; sets sampling. */
  public static final String TIER = "tier";

  /**
   * The raw user id, for the encoder only: it writes a keyed hash of it ({@code userRef}) and masks
   * the raw value wherever else it shows up in the line. Never printed as it is.
   */
  public static final String USER = "syncwell.user";

  /** Which run of a job a line belongs to (job id and delivery), the key of a job's log buffer. */
  public static final String JOB_RUN = "syncwell.jobRun";

  /** On the job's last line: its {@link JobLogOutcome}. */
  public static final String JOB_OUTCOME = "jobOutcome";

  /** Marks the last line of a job run; the backend decides then whether its lines are kept. */
  public static final Marker JOB_END = MarkerFactory.getMarker("SYNCWELL_JOB_END");

  private LogFields() {}
}
