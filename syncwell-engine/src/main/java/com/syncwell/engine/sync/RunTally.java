package com.syncwell.engine.sync;

import com.syncwell.connector.ProviderSession;
import com.syncwell.engine.store.JobProgress;
import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.RecordFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run did, counted as it goes; becomes the job's {@link JobReport} and {@link
 * JobProgress}. Counts and ids only: failure reasons come from connectors and the ledger, which
 * never put health values in them. One run's own object, used by one thread.
 */
final class RunTally {
  long listed;
  long alreadySynced;
  long echoesSkipped;
  long blocked;
  long duplicatesSkipped;
  long conflictsSourceWon;
  long conflictsDestinationWon;
  long hydrated;
  long written;
  long failed;
  private final List<RecordFailure> failures = new ArrayList<>();

  void fail(String sourceItemId, String reason) {
    failed++;
    if (failures.size() < JobReport.MAX_FAILURES_LISTED) {
      failures.add(new RecordFailure(sourceItemId, reason));
    }
  }

  /** Records left alone: already synced, our own writes, blocked, duplicates, destination wins. */
  long skipped() {
    return alreadySynced + echoesSkipped + blocked + duplicatesSkipped + conflictsDestinationWon;
  }

  JobProgress progress() {
    return new JobProgress(listed, skipped(), written, failed);
  }

  JobReport report(List<ProviderSession> sessions) {
    long calls = sessions.stream().mapToLong(s -> s.meter().calls()).sum();
    long bytes = sessions.stream().mapToLong(s -> s.meter().bytes()).sum();
    return new JobReport(
        listed,
        duplicatesSkipped,
        conflictsSourceWon,
        conflictsDestinationWon,
        hydrated,
        written,
        failed,
        failures,
        calls,
        bytes);
  }

  @Override
  public String toString() {
    return "listed="
        + listed
        + " alreadySynced="
        + alreadySynced
        + " echoes="
        + echoesSkipped
        + " blocked="
        + blocked
        + " duplicates="
        + duplicatesSkipped
        + " conflictsSourceWon="
        + conflictsSourceWon
        + " conflictsDestinationWon="
        + conflictsDestinationWon
        + " hydrated="
        + hydrated
        + " written="
        + written
        + " failed="
        + failed;
  }
}
