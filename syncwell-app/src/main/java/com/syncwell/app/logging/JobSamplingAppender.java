package com.syncwell.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import com.syncwell.engine.log.JobLogOutcome;
import com.syncwell.engine.log.LogFields;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tiered, sampled job logs (ARCHITECTURE.md §10), in front of the real appenders.
 *
 * <ul>
 *   <li>A line without {@link LogFields#JOB_RUN} in its MDC (API requests, start-up) and every line
 *       at WARN or above is passed on at once.
 *   <li>Any other line of a job run is buffered, at most {@code maxLinesPerJob} per run; lines
 *       beyond are counted, and the count is written as one line if the run is kept.
 *   <li>The run's last line (marked {@link LogFields#JOB_END}, with its {@link JobLogOutcome})
 *       decides: a run whose outcome {@link JobLogOutcome#keepsAllLines() keeps all lines} (it
 *       failed) writes its whole buffer; any other only when its job id is in the sample of its
 *       tier ({@code proSample}, {@code freeSample}; a run without a tier is sampled as FREE).
 *   <li>At most {@code maxOpenRuns} runs are buffered at once; lines of further runs pass at once
 *       (more logs rather than lost ones).
 * </ul>
 *
 * <p>Configured in {@code logback.xml} from {@code SYNCWELL_LOG_SAMPLE_PRO} / {@code
 * SYNCWELL_LOG_SAMPLE_FREE} ({@code "n/d"}; defaults 1/100 and 1/10000). A malformed sample is a
 * configuration error and the appender keeps every line. <b>Threading:</b> lines of one run come
 * from the job's thread; different runs are independent; safe for concurrent use.
 */
public class JobSamplingAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    implements AppenderAttachable<ILoggingEvent> {
  public static final LogSample DEFAULT_PRO = new LogSample(1, 100);
  public static final LogSample DEFAULT_FREE = new LogSample(1, 10_000);

  private final AppenderAttachableImpl<ILoggingEvent> downstream = new AppenderAttachableImpl<>();
  private final Map<String, RunBuffer> runs = new ConcurrentHashMap<>();
  private LogSample pro = DEFAULT_PRO;
  private LogSample free = DEFAULT_FREE;
  private int maxLinesPerJob = 200;
  private int maxOpenRuns = 10_000;

  public void setProSample(String sample) {
    pro = parseOrKeepAll(sample, "SYNCWELL_LOG_SAMPLE_PRO");
  }

  public void setFreeSample(String sample) {
    free = parseOrKeepAll(sample, "SYNCWELL_LOG_SAMPLE_FREE");
  }

  public void setMaxLinesPerJob(int maxLinesPerJob) {
    this.maxLinesPerJob = Math.max(1, maxLinesPerJob);
  }

  public void setMaxOpenRuns(int maxOpenRuns) {
    this.maxOpenRuns = Math.max(1, maxOpenRuns);
  }

  public LogSample proSample() {
    return pro;
  }

  public LogSample freeSample() {
    return free;
  }

  /** How many runs have lines buffered right now. */
  public int openRuns() {
    return runs.size();
  }

  private LogSample parseOrKeepAll(String sample, String name) {
    try {
      return LogSample.parse(sample);
    } catch (IllegalArgumentException e) {
      addError(name + ": " + e.getMessage() + "; keeping every job's lines");
      return new LogSample(1, 1);
    }
  }

  @Override
  protected void append(ILoggingEvent event) {
    String run = event.getMDCPropertyMap().get(LogFields.JOB_RUN);
    if (run == null) {
      downstream.appendLoopOnAppenders(event);
      return;
    }
    if (event.getMarkerList() != null && event.getMarkerList().contains(LogFields.JOB_END)) {
      end(run, event);
      return;
    }
    if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
      downstream.appendLoopOnAppenders(event);
      return;
    }
    RunBuffer buffer = runs.get(run);
    if (buffer == null) {
      if (runs.size() >= maxOpenRuns) {
        downstream.appendLoopOnAppenders(event);
        return;
      }
      buffer = runs.computeIfAbsent(run, k -> new RunBuffer());
    }
    event.prepareForDeferredProcessing();
    buffer.add(event, maxLinesPerJob);
  }

  private void end(String run, ILoggingEvent last) {
    RunBuffer buffer = runs.remove(run);
    Map<String, String> mdc = last.getMDCPropertyMap();
    if (!kept(mdc)) {
      return;
    }
    if (buffer != null) {
      List<ILoggingEvent> lines;
      int dropped;
      synchronized (buffer) {
        lines = List.copyOf(buffer.lines);
        dropped = buffer.dropped;
      }
      for (ILoggingEvent line : lines) {
        downstream.appendLoopOnAppenders(line);
      }
      if (dropped > 0) {
        downstream.appendLoopOnAppenders(overflowLine(last, dropped));
      }
    }
    downstream.appendLoopOnAppenders(last);
  }

  /** Whether a run that ended with this MDC is written. */
  boolean kept(Map<String, String> mdc) {
    JobLogOutcome outcome;
    try {
      outcome = JobLogOutcome.valueOf(mdc.getOrDefault(LogFields.JOB_OUTCOME, "RETRY"));
    } catch (IllegalArgumentException e) {
      outcome = JobLogOutcome.RETRY;
    }
    if (outcome.keepsAllLines()) {
      return true;
    }
    LogSample sample = "PRO".equals(mdc.get(LogFields.TIER)) ? pro : free;
    String jobId = mdc.get(LogFields.JOB_ID);
    return jobId != null && sample.keeps(jobId);
  }

  private ILoggingEvent overflowLine(ILoggingEvent last, int dropped) {
    Logger logger =
        ((ch.qos.logback.classic.LoggerContext) getContext()).getLogger(last.getLoggerName());
    LoggingEvent line =
        new LoggingEvent(
            Logger.class.getName(),
            logger,
            Level.INFO,
            "{} more lines of this job run were not kept (at most {} are buffered per run)",
            null,
            new Object[] {dropped, maxLinesPerJob});
    line.setMDCPropertyMap(last.getMDCPropertyMap());
    line.setTimeStamp(last.getTimeStamp());
    return line;
  }

  @Override
  public void stop() {
    // runs still open at shutdown (their jobs were interrupted) are written: they did not finish
    for (Iterator<Map.Entry<String, RunBuffer>> it = runs.entrySet().iterator(); it.hasNext(); ) {
      RunBuffer buffer = it.next().getValue();
      it.remove();
      synchronized (buffer) {
        buffer.lines.forEach(downstream::appendLoopOnAppenders);
      }
    }
    super.stop();
    downstream.detachAndStopAllAppenders();
  }

  @Override
  public void addAppender(Appender<ILoggingEvent> appender) {
    downstream.addAppender(appender);
  }

  @Override
  public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
    return downstream.iteratorForAppenders();
  }

  @Override
  public Appender<ILoggingEvent> getAppender(String name) {
    return downstream.getAppender(name);
  }

  @Override
  public boolean isAttached(Appender<ILoggingEvent> appender) {
    return downstream.isAttached(appender);
  }

  @Override
  public void detachAndStopAllAppenders() {
    downstream.detachAndStopAllAppenders();
  }

  @Override
  public boolean detachAppender(Appender<ILoggingEvent> appender) {
    return downstream.detachAppender(appender);
  }

  @Override
  public boolean detachAppender(String name) {
    return downstream.detachAppender(name);
  }

  /** One run's buffered lines and how many did not fit. */
  private static final class RunBuffer {
    private final List<ILoggingEvent> lines = new ArrayList<>();
    private int dropped;

    synchronized void add(ILoggingEvent event, int max) {
      if (lines.size() < max) {
        lines.add(event);
      } else {
        dropped++;
      }
    }
  }
}
