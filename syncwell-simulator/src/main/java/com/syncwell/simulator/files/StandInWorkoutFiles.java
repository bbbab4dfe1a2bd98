package com.syncwell.simulator.files;

import com.syncwell.connector.files.FileReadOutcome;
import com.syncwell.connector.files.WorkoutFileFormat;
import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import com.syncwell.domain.Workout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal stand-in until the real codecs land: TCX and GPX trackpoints (time, position, altitude,
 * heart rate) by pattern matching, FIT by scanning record timestamps only. Writes a small but valid
 * TCX v2 document.
 */
final class StandInWorkoutFiles implements WorkoutFiles {
  private static final Pattern TCX_POINT =
      Pattern.compile("<Trackpoint>(.*?)</Trackpoint>", Pattern.DOTALL);
  private static final Pattern GPX_POINT =
      Pattern.compile("<trkpt([^>]*)>(.*?)</trkpt>", Pattern.DOTALL);
  private static final Pattern TIME = Pattern.compile("<(?:\\w+:)?[Tt]ime>([^<]+)</");
  private static final Pattern LAT = Pattern.compile("<LatitudeDegrees>([^<]+)<");
  private static final Pattern LON = Pattern.compile("<LongitudeDegrees>([^<]+)<");
  private static final Pattern ALT = Pattern.compile("<(?:AltitudeMeters|ele)>([^<]+)<");
  private static final Pattern DIST = Pattern.compile("<DistanceMeters>([^<]+)<");
  private static final Pattern HR =
      Pattern.compile("<(?:HeartRateBpm>\\s*<Value|\\w+:hr)>\\s*(\\d+)\\s*<", Pattern.DOTALL);
  private static final Pattern ATTR_LAT = Pattern.compile("lat=\"([^\"]+)\"");
  private static final Pattern ATTR_LON = Pattern.compile("lon=\"([^\"]+)\"");
  private static final Pattern SPORT = Pattern.compile("<Activity Sport=\"(\\w+)\"");
  private static final Pattern GPX_TYPE = Pattern.compile("<type>([^<]+)</type>");
  private static final long FIT_EPOCH = 631_065_600L;

  @Override
  public FileReadOutcome read(WorkoutFileFormat format, byte[] file) {
    try {
      return switch (format) {
        case TCX -> readXml(new String(file, StandardCharsets.UTF_8), true);
        case GPX -> readXml(new String(file, StandardCharsets.UTF_8), false);
        case FIT -> readFit(file);
      };
    } catch (RuntimeException e) {
      return new FileReadOutcome.Unreadable("not a readable " + format.wireName() + " file");
    }
  }

  private static FileReadOutcome readXml(String text, boolean tcx) {
    List<TrackPoint> points = new ArrayList<>();
    Matcher m = (tcx ? TCX_POINT : GPX_POINT).matcher(text);
    while (m.find()) {
      String attrs = tcx ? "" : m.group(1);
      String inner = tcx ? m.group(1) : m.group(2);
      Matcher t = TIME.matcher(inner);
      if (!t.find()) {
        continue;
      }
      Instant time;
      try {
        time = OffsetDateTime.parse(t.group(1).trim()).toInstant();
      } catch (DateTimeParseException e) {
        continue;
      }
      TrackPoint p = TrackPoint.at(time);
      String lat = first(tcx ? LAT : ATTR_LAT, tcx ? inner : attrs);
      String lon = first(tcx ? LON : ATTR_LON, tcx ? inner : attrs);
      if (lat != null && lon != null) {
        p = p.withPosition(Double.parseDouble(lat), Double.parseDouble(lon));
      }
      String alt = first(ALT, inner);
      if (alt != null) {
        p = p.withAltitude(Double.parseDouble(alt));
      }
      String dist = first(DIST, inner);
      if (dist != null) {
        p = p.withDistance(Math.max(0, Double.parseDouble(dist)));
      }
      String hr = first(HR, inner);
      if (hr != null) {
        int bpm = Integer.parseInt(hr);
        if (bpm >= 1 && bpm <= 300) {
          p = p.withHeartRate(bpm);
        }
      }
      points.add(p);
    }
    if (points.isEmpty()) {
      return new FileReadOutcome.Unreadable("no trackpoints with a time");
    }
    points.sort(java.util.Comparator.comparing(TrackPoint::time));
    String sportName = first(tcx ? SPORT : GPX_TYPE, text);
    return new FileReadOutcome.Read(
        workout(sport(sportName), points), List.of("read by the simulator's stand-in"));
  }

  private static FileReadOutcome readFit(byte[] file) {
    if (file.length < 14
        || file[8] != '.'
        || file[9] != 'F'
        || file[10] != 'I'
        || file[11] != 'T') {
      return new FileReadOutcome.Unreadable("no .FIT signature");
    }
    // Stand-in: FIT timestamps (field 253, uint32 seconds since 1989-12-31) are found by decoding
    // definition messages; everything else is skipped.
    ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int headerSize = file[0] & 0xff;
    int dataSize = in.getInt(4);
    int end = Math.min(file.length, headerSize + dataSize);
    int pos = headerSize;
    int[][] fields = new int[16][];
    boolean[] bigEndian = new boolean[16];
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    while (pos < end) {
      int header = file[pos++] & 0xff;
      if ((header & 0x80) != 0) {
        int local = (header >> 5) & 0x3;
        pos += size(fields[local]);
        continue;
      }
      int local = header & 0x0f;
      if ((header & 0x40) != 0) {
        boolean dev = (header & 0x20) != 0;
        bigEndian[local] = file[pos + 1] == 1;
        int count = file[pos + 4] & 0xff;
        int[] def = new int[count * 2];
        for (int i = 0; i < count; i++) {
          def[2 * i] = file[pos + 5 + 3 * i] & 0xff;
          def[2 * i + 1] = file[pos + 6 + 3 * i] & 0xff;
        }
        pos += 5 + 3 * count;
        if (dev) {
          int devCount = file[pos] & 0xff;
          int extra = 0;
          for (int i = 0; i < devCount; i++) {
            extra += file[pos + 2 + 3 * i] & 0xff;
          }
          pos += 1 + 3 * devCount;
          int[] withDev = java.util.Arrays.copyOf(def, def.length + 2);
          withDev[def.length] = -1;
          withDev[def.length + 1] = extra;
          def = withDev;
        }
        fields[local] = def;
      } else {
        int[] def = fields[local];
        if (def == null) {
          break;
        }
        int offset = pos;
        for (int i = 0; i < def.length; i += 2) {
          if (def[i] == 253 && def[i + 1] == 4) {
            ByteBuffer b =
                ByteBuffer.wrap(file, offset, 4)
                    .order(bigEndian[local] ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            long ts = b.getInt() & 0xffffffffL;
            if (ts != 0xffffffffL && ts > 0x10000000L) {
              first = Math.min(first, ts);
              last = Math.max(last, ts);
            }
          }
          offset += def[i + 1];
        }
        pos += size(def);
      }
    }
    if (first == Long.MAX_VALUE) {
      return new FileReadOutcome.Unreadable("no timestamps in the FIT file");
    }
    List<TrackPoint> points =
        List.of(
            TrackPoint.at(Instant.ofEpochSecond(first + FIT_EPOCH)),
            TrackPoint.at(Instant.ofEpochSecond(last + FIT_EPOCH)));
    return new FileReadOutcome.Read(
        workout(SportType.OTHER, points), List.of("FIT read by the stand-in: times only"));
  }

  private static int size(int[] def) {
    if (def == null) {
      return 0;
    }
    int total = 0;
    for (int i = 1; i < def.length; i += 2) {
      total += def[i];
    }
    return total;
  }

  private static Workout workout(SportType sport, List<TrackPoint> points) {
    Instant start = points.get(0).time();
    Instant end = points.get(points.size() - 1).time();
    Workout w =
        Workout.of(sport, start.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC))
            .withSamples(points.size() > 2 || points.get(0).hasPosition() ? points : List.of());
    double distance = 0;
    TrackPoint previous = null;
    for (TrackPoint p : points) {
      if (p.distanceMetres() != null) {
        distance = Math.max(distance, p.distanceMetres());
      } else if (previous != null && previous.hasPosition() && p.hasPosition()) {
        distance += metres(previous, p);
      }
      if (p.hasPosition()) {
        previous = p;
      }
    }
    return distance > 0 ? w.withDistance(distance) : w;
  }

  private static double metres(TrackPoint a, TrackPoint b) {
    double dLat = Math.toRadians(b.latitude() - a.latitude());
    double dLon = Math.toRadians(b.longitude() - a.longitude());
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(a.latitude()))
                * Math.cos(Math.toRadians(b.latitude()))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
  }

  private static SportType sport(String name) {
    if (name == null) {
      return SportType.OTHER;
    }
    String n = name.toLowerCase(Locale.ROOT);
    if (n.contains("run")) {
      return SportType.RUNNING;
    } else if (n.contains("bik") || n.contains("cycl") || n.contains("ride")) {
      return SportType.CYCLING;
    } else if (n.contains("hik")) {
      return SportType.HIKING;
    } else if (n.contains("walk")) {
      return SportType.WALKING;
    } else if (n.contains("swim")) {
      return SportType.SWIMMING;
    }
    return SportType.OTHER;
  }

  private static String first(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1).trim() : null;
  }

  @Override
  public byte[] writeTcx(Workout workout) {
    StringBuilder x = new StringBuilder(64 + workout.samples().size() * 220);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append(
            "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">\n")
        .append("  <Activities>\n")
        .append("    <Activity Sport=\"")
        .append(tcxSport(workout.sport()))
        .append("\">\n")
        .append("      <Id>")
        .append(workout.start().toInstant())
        .append("</Id>\n")
        .append("      <Lap StartTime=\"")
        .append(workout.start().toInstant())
        .append("\">\n")
        .append("        <TotalTimeSeconds>")
        .append(workout.duration().toSeconds())
        .append("</TotalTimeSeconds>\n")
        .append("        <DistanceMeters>")
        .append(fmt(workout.distanceMetres().orElse(0)))
        .append("</DistanceMeters>\n")
        .append("        <Calories>")
        .append(Math.round(workout.energyJoules().orElse(0) / 4184.0))
        .append("</Calories>\n");
    workout
        .averageHeartRateBpm()
        .ifPresent(
            v ->
                x.append("        <AverageHeartRateBpm><Value>")
                    .append(v)
                    .append("</Value></AverageHeartRateBpm>\n"));
    workout
        .maxHeartRateBpm()
        .ifPresent(
            v ->
                x.append("        <MaximumHeartRateBpm><Value>")
                    .append(v)
                    .append("</Value></MaximumHeartRateBpm>\n"));
    x.append("        <Intensity>Active</Intensity>\n")
        .append("        <TriggerMethod>Manual</TriggerMethod>\n")
        .append("        <Track>\n");
    for (TrackPoint p : workout.samples()) {
      x.append("          <Trackpoint><Time>").append(p.time()).append("</Time>");
      if (p.hasPosition()) {
        x.append("<Position><LatitudeDegrees>")
            .append(p.latitude())
            .append("</LatitudeDegrees><LongitudeDegrees>")
            .append(p.longitude())
            .append("</LongitudeDegrees></Position>");
      }
      if (p.altitudeMetres() != null) {
        x.append("<AltitudeMeters>").append(p.altitudeMetres()).append("</AltitudeMeters>");
      }
      if (p.distanceMetres() != null) {
        x.append("<DistanceMeters>").append(p.distanceMetres()).append("</DistanceMeters>");
      }
      if (p.heartRateBpm() != null) {
        x.append("<HeartRateBpm><Value>")
            .append(p.heartRateBpm())
            .append("</Value></HeartRateBpm>");
      }
      if (p.cadenceRpm() != null && workout.sport() == SportType.CYCLING) {
        x.append("<Cadence>").append(Math.min(254, p.cadenceRpm())).append("</Cadence>");
      }
      x.append("</Trackpoint>\n");
    }
    x.append("        </Track>\n      </Lap>\n")
        .append(
            "      <Creator xsi:type=\"Device_t\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><Name>SyncWell provider simulator</Name><UnitId>0</UnitId><ProductID>0</ProductID>")
        .append(
            "<Version><VersionMajor>1</VersionMajor><VersionMinor>0</VersionMinor></Version></Creator>\n")
        .append("    </Activity>\n  </Activities>\n</TrainingCenterDatabase>\n");
    return x.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String tcxSport(SportType sport) {
    return switch (sport.family()) {
      case RUNNING -> "Running";
      case CYCLING -> "Biking";
      default -> "Other";
    };
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
