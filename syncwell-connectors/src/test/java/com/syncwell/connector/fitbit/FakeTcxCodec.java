package com.syncwell.connector.fitbit;

import com.syncwell.connector.files.FileReadOutcome;
import com.syncwell.connector.files.WorkoutFileCodec;
import com.syncwell.connector.files.WorkoutFileFormat;
import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import com.syncwell.domain.Workout;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads just enough TCX for the tests: each Trackpoint's Time and HeartRateBpm. */
final class FakeTcxCodec implements WorkoutFileCodec {
  private static final Pattern POINT =
      Pattern.compile(
          "<Trackpoint>\\s*<Time>([^<]+)</Time>(?:\\s*<HeartRateBpm>\\s*<Value>(\\d+)</Value>\\s*</HeartRateBpm>)?",
          Pattern.DOTALL);

  @Override
  public WorkoutFileFormat format() {
    return WorkoutFileFormat.TCX;
  }

  @Override
  public FileReadOutcome read(byte[] file) {
    String text = new String(file, StandardCharsets.UTF_8);
    if (!text.contains("<TrainingCenterDatabase")) {
      return new FileReadOutcome.Unreadable("not TCX");
    }
    List<TrackPoint> points = new ArrayList<>();
    Matcher m = POINT.matcher(text);
    while (m.find()) {
      TrackPoint p = TrackPoint.at(Instant.parse(m.group(1)));
      points.add(m.group(2) == null ? p : p.withHeartRate(Integer.valueOf(m.group(2))));
    }
    if (points.isEmpty()) {
      return new FileReadOutcome.Unreadable("no track points");
    }
    Workout w =
        Workout.of(
                SportType.OTHER,
                points.get(0).time().atOffset(java.time.ZoneOffset.UTC),
                points.get(points.size() - 1).time().atOffset(java.time.ZoneOffset.UTC))
            .withSamples(points);
    return new FileReadOutcome.Read(w, List.of());
  }

  @Override
  public byte[] write(Workout workout) {
    throw new UnsupportedOperationException("not needed by the tests");
  }

  static String tcx(String... pointsXml) {
    return "<?xml version=\"1.0\"?><TrainingCenterDatabase><Activities><Activity><Lap><Track>"
        + String.join("", pointsXml)
        + "</Track></Lap></Activity></Activities></TrainingCenterDatabase>";
  }

  static String point(String time, int bpm) {
    return "<Trackpoint><Time>"
        + time
        + "</Time><HeartRateBpm><Value>"
        + bpm
        + "</Value></HeartRateBpm></Trackpoint>";
  }
}
