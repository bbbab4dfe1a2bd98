package com.syncwell.simulator.files;

import com.syncwell.connector.files.FileReadOutcome;
import com.syncwell.connector.files.WorkoutFileFormat;
import com.syncwell.domain.Workout;

/** Reads uploaded workout files and writes TCX, for the simulator. */
public interface WorkoutFiles {
  /** Reads a (never gzipped) file of the format; never throws on bad input. */
  FileReadOutcome read(WorkoutFileFormat format, byte[] file);

  /** A TCX v2 document of the workout with its samples. */
  byte[] writeTcx(Workout workout);

  /**
   * The implementation the simulator uses.
   *
   * <p>TODO(merge with the codecs): switch this one place to the connectors' codecs once {@code
   * com.syncwell.connector.files.WorkoutFiles} lands, i.e. {@code read} → {@code
   * WorkoutFiles.codec(format).read(file)} and {@code writeTcx} → {@code
   * WorkoutFiles.codec(WorkoutFileFormat.TCX).write(workout)}; then delete {@link
   * StandInWorkoutFiles}.
   */
  static WorkoutFiles standard() {
    return new StandInWorkoutFiles();
  }
}
