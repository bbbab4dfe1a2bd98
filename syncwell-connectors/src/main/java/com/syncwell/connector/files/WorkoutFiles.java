package com.syncwell.connector.files;

import com.syncwell.connector.files.FileReadOutcome.Unreadable;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The codec of each workout file format, and which format a file is, from its content. */
public final class WorkoutFiles {
  private static final Map<WorkoutFileFormat, WorkoutFileCodec> CODECS =
      new EnumMap<>(
          Map.of(
              WorkoutFileFormat.FIT, new FitCodec(),
              WorkoutFileFormat.TCX, new TcxCodec(),
              WorkoutFileFormat.GPX, new GpxCodec()));

  private WorkoutFiles() {}

  /** The codec for a format; codecs are stateless and shared. */
  public static WorkoutFileCodec codec(WorkoutFileFormat format) {
    return CODECS.get(Objects.requireNonNull(format, "format"));
  }

  /**
   * The format of a file by its content, not its name: FIT by the {@code .FIT} signature at byte 8
   * of the header; TCX and GPX by the XML root element ({@code TrainingCenterDatabase}, {@code
   * gpx}). Empty when it is none of them, or is XML with a DOCTYPE (never parsed).
   */
  public static Optional<WorkoutFileFormat> detect(byte[] file) {
    Objects.requireNonNull(file, "file");
    if (hasFitSignature(file)) {
      return Optional.of(WorkoutFileFormat.FIT);
    }
    try {
      return switch (SafeXml.rootElement(file)) {
        case "TrainingCenterDatabase" -> Optional.of(WorkoutFileFormat.TCX);
        case "gpx" -> Optional.of(WorkoutFileFormat.GPX);
        default -> Optional.empty();
      };
    } catch (SafeXml.NotReadable e) {
      return Optional.empty();
    }
  }

  /** Reads a file of any of the formats, found with {@link #detect}. */
  public static FileReadOutcome read(byte[] file) {
    Objects.requireNonNull(file, "file");
    if (file.length == 0) {
      return new Unreadable("empty file");
    }
    Optional<WorkoutFileFormat> format = detect(file);
    if (format.isPresent()) {
      return codec(format.get()).read(file);
    }
    try {
      SafeXml.rootElement(file);
    } catch (SafeXml.NotReadable e) {
      if (e.getMessage().equals(SafeXml.DOCTYPE_REFUSED)) {
        return new Unreadable(SafeXml.DOCTYPE_REFUSED);
      }
    }
    return new Unreadable("not a FIT, TCX or GPX workout file");
  }

  /** A FIT header: size 12 or 14, then {@code .FIT} at bytes 8 to 11. */
  static boolean hasFitSignature(byte[] file) {
    return file.length >= 12
        && (file[0] == 12 || file[0] == 14)
        && file[8] == '.'
        && file[9] == 'F'
        && file[10] == 'I'
        && file[11] == 'T';
  }
}
