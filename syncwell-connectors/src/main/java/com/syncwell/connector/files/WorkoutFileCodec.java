package com.syncwell.connector.files;

import com.syncwell.domain.Workout;

/**
 * Reads and writes one workout file format. Stateless and safe for concurrent use.
 *
 * <p>{@link #read} never throws for bad input (truncated, empty, not this format, no timestamps):
 * it returns {@link FileReadOutcome.Unreadable}. {@link #write} writes every sample the format can
 * hold; times to the second at least.
 */
public interface WorkoutFileCodec {

  WorkoutFileFormat format();

  FileReadOutcome read(byte[] file);

  byte[] write(Workout workout);
}
