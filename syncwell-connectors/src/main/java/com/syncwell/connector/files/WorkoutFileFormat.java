package com.syncwell.connector.files;

/** The workout file formats, with the names providers use for them (Strava's {@code data_type}). */
public enum WorkoutFileFormat {
  FIT("fit"),
  TCX("tcx"),
  GPX("gpx");

  private final String wireName;

  WorkoutFileFormat(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
