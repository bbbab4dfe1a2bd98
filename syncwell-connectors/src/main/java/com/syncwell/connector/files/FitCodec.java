package com.syncwell.connector.files;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.BufferEncoder;
import com.garmin.fit.DateTime;
import com.garmin.fit.Decode;
import com.garmin.fit.DeviceIndex;
import com.garmin.fit.DeviceInfoMesg;
import com.garmin.fit.Event;
import com.garmin.fit.EventMesg;
import com.garmin.fit.EventType;
import com.garmin.fit.File;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.FitListener;
import com.garmin.fit.FitMessages;
import com.garmin.fit.LapMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.TimerTrigger;
import com.syncwell.connector.files.FileReadOutcome.Read;
import com.syncwell.connector.files.FileReadOutcome.Unreadable;
import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import com.syncwell.domain.UnitConversion;
import com.syncwell.domain.Workout;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * FIT activity files, through Garmin's FIT SDK.
 *
 * <p>Reading takes the session messages (sport, start, elapsed and timer time, distance, calories,
 * ascent, heart rate) and the record messages (time, position, altitude, distance, heart rate,
 * cadence, power). Records at the same second with complementary fields are one sample (apps such
 * as Strava's write position and distance as separate records); records outside the session's time
 * span are dropped. Without a session the summary is derived from the records. FIT times are UTC:
 * the zone offset comes from the activity message's local time when there is one. Developer fields
 * are ignored. A damaged or cut-short file gives what was decoded before the damage, with a note; a
 * file with nothing usable is {@link Unreadable}.
 *
 * <p>Writing gives a one-lap, one-session activity file in protocol 1.0 (file id, device info,
 * timer events, records, lap, session, activity) with the local time of the workout's offset. FIT
 * has no title.
 */
public final class FitCodec implements WorkoutFileCodec {
  private static final double DEGREES_PER_SEMICIRCLE = 180.0 / (1L << 31);
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

  @Override
  public WorkoutFileFormat format() {
    return WorkoutFileFormat.FIT;
  }

  @Override
  public FileReadOutcome read(byte[] file) {
    Objects.requireNonNull(file, "file");
    if (file.length == 0) {
      return new Unreadable("empty file");
    }
    if (!WorkoutFiles.hasFitSignature(file)) {
      return new Unreadable("not a FIT file: no .FIT signature in the header");
    }
    try {
      return decode(file);
    } catch (RuntimeException e) {
      return new Unreadable("FIT file could not be decoded: " + Samples.oneLine(e.getMessage()));
    }
  }

  private static FileReadOutcome decode(byte[] file) {
    List<String> notes = new ArrayList<>();
    boolean intact;
    try {
      intact = new Decode().checkFileIntegrity(new ByteArrayInputStream(file));
    } catch (RuntimeException e) {
      intact = false;
    }
    FitListener listener = new FitListener();
    String damage = null;
    try {
      new Decode().read(new ByteArrayInputStream(file), listener);
    } catch (RuntimeException e) {
      damage = Samples.oneLine(e.getMessage());
    }
    FitMessages fit = listener.getFitMessages();

    if (!fit.getFileIdMesgs().isEmpty()) {
      File type = fit.getFileIdMesgs().get(0).getType();
      if (type != null && type != File.ACTIVITY) {
        return new Unreadable(
            "FIT file is a " + type.name().toLowerCase(Locale.ROOT) + " file, not an activity");
      }
    }
    List<SessionMesg> sessions =
        fit.getSessionMesgs().stream().filter(s -> s.getStartTime() != null).toList();
    List<TrackPoint> points = Samples.inTimeOrder(records(fit.getRecordMesgs(), notes), notes);
    if (sessions.isEmpty() && points.isEmpty()) {
      return new Unreadable(
          damage != null
              ? "FIT file could not be decoded: " + damage
              : "FIT file has no session and no timed records");
    }
    if (damage != null) {
      notes.add(
          "FIT file is damaged or cut short ("
              + damage
              + "); kept the "
              + fit.getRecordMesgs().size()
              + " records decoded before that point");
    } else if (!intact) {
      notes.add("FIT file failed its integrity check (header or CRC); decoded it anyway");
    }
    if (!fit.getDeveloperDataIdMesgs().isEmpty() || !fit.getFieldDescriptionMesgs().isEmpty()) {
      notes.add("developer fields ignored");
    }
    ZoneOffset offset = offset(fit, notes);
    Workout workout =
        sessions.isEmpty()
            ? fromRecords(fit, points, offset, notes)
            : fromSessions(sessions, points, offset, notes);
    return new Read(workout, notes);
  }

  private static Workout fromSessions(
      List<SessionMesg> sessions, List<TrackPoint> points, ZoneOffset offset, List<String> notes) {
    Instant start = Instant.MAX;
    Instant end = Instant.MIN;
    Instant lastRecordAllowed = Instant.MIN;
    Total distance = new Total();
    Total kilocalories = new Total();
    Total ascent = new Total();
    Total timerSeconds = new Total();
    Total heartBeats = new Total();
    Total heartSeconds = new Total();
    int maxHeartRate = 0;
    SportType sport = null;
    boolean mixedSports = false;
    for (SessionMesg s : sessions) {
      Instant sessionStart = s.getStartTime().getInstant();
      Instant written = s.getTimestamp() == null ? null : s.getTimestamp().getInstant();
      Duration elapsed = elapsed(s, sessionStart, written);
      Instant sessionEnd = sessionStart.plus(elapsed);
      start = min(start, sessionStart);
      end = max(end, sessionEnd);
      lastRecordAllowed = max(lastRecordAllowed, ceilToSecond(sessionEnd));
      if (written != null) {
        lastRecordAllowed = max(lastRecordAllowed, written);
      }
      distance.add(Samples.nonNegative(decimal(s.getTotalDistance())));
      kilocalories.add(Samples.nonNegative(s.getTotalCalories()));
      ascent.add(Samples.nonNegative(s.getTotalAscent()));
      Double timer = Samples.nonNegative(decimal(s.getTotalTimerTime()));
      timerSeconds.add(timer);
      Integer average = Samples.heartRate(s.getAvgHeartRate());
      if (average != null) {
        double weight = sessions.size() == 1 ? 1 : Math.max(1, elapsed.toMillis() / 1000.0);
        heartBeats.add(average * weight);
        heartSeconds.add(weight);
      }
      Integer max = Samples.heartRate(s.getMaxHeartRate());
      if (max != null) {
        maxHeartRate = Math.max(maxHeartRate, max);
      }
      SportType type = FitSports.typeOf(s.getSport(), s.getSubSport());
      mixedSports |= sport != null && sport != type;
      sport = sport == null ? type : sport;
    }
    if (sessions.size() > 1) {
      notes.add("FIT file has " + sessions.size() + " sessions: read as one workout");
    }
    if (mixedSports) {
      sport = SportType.OTHER;
      notes.add("the sessions are of different sports: sport set to OTHER");
    }
    List<TrackPoint> samples = within(points, start, lastRecordAllowed, notes);
    if (!samples.isEmpty() && samples.getLast().time().isAfter(end)) {
      end = samples.getLast().time();
    }
    Duration elapsed = Duration.between(start, end);
    Optional<Duration> moving =
        timerSeconds.value().isPresent()
            ? Optional.of(min(seconds(timerSeconds.value().getAsDouble()), elapsed))
            : Optional.empty();
    OptionalInt averageHeartRate =
        heartSeconds.value().isPresent()
            ? OptionalInt.of(
                (int)
                    Math.round(
                        heartBeats.value().getAsDouble() / heartSeconds.value().getAsDouble()))
            : OptionalInt.empty();
    return new Workout(
        sport,
        Optional.empty(),
        OffsetDateTime.ofInstant(start, offset),
        OffsetDateTime.ofInstant(end, offset),
        moving,
        distance.value(),
        kilocalories.scaled(UnitConversion.JOULES_PER_KILOCALORIE),
        ascent.value(),
        averageHeartRate,
        maxHeartRate > 0 ? OptionalInt.of(maxHeartRate) : OptionalInt.empty(),
        samples);
  }

  private static Workout fromRecords(
      FitMessages fit, List<TrackPoint> points, ZoneOffset offset, List<String> notes) {
    notes.add("no session message: start, end, distance and heart rate derived from the records");
    SportType sport = SportType.OTHER;
    Optional<LapMesg> lap =
        fit.getLapMesgs().stream().filter(l -> l.getSport() != null).findFirst();
    if (lap.isPresent()) {
      sport = FitSports.typeOf(lap.get().getSport(), lap.get().getSubSport());
    } else {
      notes.add("no sport in the file: read as OTHER");
    }
    OptionalDouble distance =
        points.stream()
            .map(TrackPoint::distanceMetres)
            .filter(Objects::nonNull)
            .mapToDouble(Double::doubleValue)
            .max();
    return new Workout(
        sport,
        Optional.empty(),
        OffsetDateTime.ofInstant(points.getFirst().time(), offset),
        OffsetDateTime.ofInstant(points.getLast().time(), offset),
        Optional.empty(),
        distance,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Samples.averageHeartRate(points),
        Samples.maxHeartRate(points),
        points);
  }

  private static Duration elapsed(SessionMesg s, Instant start, Instant written) {
    Double elapsed = Samples.nonNegative(decimal(s.getTotalElapsedTime()));
    if (elapsed == null) {
      elapsed = Samples.nonNegative(decimal(s.getTotalTimerTime()));
    }
    if (elapsed != null) {
      return seconds(elapsed);
    }
    return written != null && written.isAfter(start)
        ? Duration.between(start, written)
        : Duration.ZERO;
  }

  /** The records as samples, one per second where a device split one moment over two records. */
  private static List<TrackPoint> records(List<RecordMesg> records, List<String> notes) {
    List<TrackPoint> points = new ArrayList<>(records.size());
    int untimed = 0;
    for (RecordMesg r : records) {
      if (r.getTimestamp() == null) {
        untimed++;
        continue;
      }
      TrackPoint p = TrackPoint.at(r.getTimestamp().getInstant());
      if (r.getPositionLat() != null && r.getPositionLong() != null) {
        double lat = r.getPositionLat() * DEGREES_PER_SEMICIRCLE;
        double lng = r.getPositionLong() * DEGREES_PER_SEMICIRCLE;
        if (Samples.isPosition(lat, lng)) {
          p = p.withPosition(lat, lng);
        }
      }
      Float altitude = r.getEnhancedAltitude() != null ? r.getEnhancedAltitude() : r.getAltitude();
      p =
          p.withAltitude(Samples.finite(decimal(altitude)))
              .withDistance(Samples.nonNegative(decimal(r.getDistance())))
              .withHeartRate(Samples.heartRate(r.getHeartRate()))
              .withCadence(Samples.count(r.getCadence()))
              .withPower(Samples.count(r.getPower()));
      TrackPoint merged = points.isEmpty() ? null : merged(points.getLast(), p);
      if (merged != null) {
        points.set(points.size() - 1, merged);
      } else {
        points.add(p);
      }
    }
    if (untimed > 0) {
      notes.add("skipped " + untimed + " records without a timestamp");
    }
    return points;
  }

  /** One sample from two records of the same second that don't disagree, else {@code null}. */
  private static TrackPoint merged(TrackPoint a, TrackPoint b) {
    if (!a.time().equals(b.time())
        || clash(a.latitude(), b.latitude())
        || clash(a.longitude(), b.longitude())
        || clash(a.altitudeMetres(), b.altitudeMetres())
        || clash(a.distanceMetres(), b.distanceMetres())
        || clash(a.heartRateBpm(), b.heartRateBpm())
        || clash(a.cadenceRpm(), b.cadenceRpm())
        || clash(a.powerWatts(), b.powerWatts())) {
      return null;
    }
    TrackPoint p =
        TrackPoint.at(a.time())
            .withAltitude(either(a.altitudeMetres(), b.altitudeMetres()))
            .withDistance(either(a.distanceMetres(), b.distanceMetres()))
            .withHeartRate(either(a.heartRateBpm(), b.heartRateBpm()))
            .withCadence(either(a.cadenceRpm(), b.cadenceRpm()))
            .withPower(either(a.powerWatts(), b.powerWatts()));
    TrackPoint placed = a.hasPosition() ? a : b;
    return placed.hasPosition() ? p.withPosition(placed.latitude(), placed.longitude()) : p;
  }

  private static boolean clash(Object a, Object b) {
    return a != null && b != null && !a.equals(b);
  }

  private static <T> T either(T a, T b) {
    return a != null ? a : b;
  }

  private static List<TrackPoint> within(
      List<TrackPoint> points, Instant from, Instant to, List<String> notes) {
    List<TrackPoint> kept =
        points.stream().filter(p -> !p.time().isBefore(from) && !p.time().isAfter(to)).toList();
    if (kept.size() < points.size()) {
      notes.add("dropped " + (points.size() - kept.size()) + " records timed outside the session");
    }
    return kept;
  }

  /** The offset of the activity's local time to UTC, to the quarter hour; else UTC. */
  private static ZoneOffset offset(FitMessages fit, List<String> notes) {
    for (ActivityMesg activity : fit.getActivityMesgs()) {
      if (activity.getTimestamp() != null && activity.getLocalTimestamp() != null) {
        long difference = activity.getLocalTimestamp() - activity.getTimestamp().getTimestamp();
        long seconds = Math.round(difference / 900.0) * 900;
        if (Math.abs(seconds) <= MAX_OFFSET_SECONDS) {
          return ZoneOffset.ofTotalSeconds((int) seconds);
        }
      }
    }
    notes.add("no local time in the file: times are in UTC");
    return ZoneOffset.UTC;
  }

  @Override
  public byte[] write(Workout workout) {
    Objects.requireNonNull(workout, "workout");
    Instant startInstant = workout.start().toInstant().truncatedTo(ChronoUnit.SECONDS);
    Instant endInstant = ceilToSecond(workout.end().toInstant());
    if (!workout.samples().isEmpty()) {
      // The session's timestamp covers every record, so that reading keeps them all.
      endInstant = max(endInstant, ceilToSecond(workout.samples().getLast().time()));
    }
    DateTime start = new DateTime(startInstant);
    DateTime end = new DateTime(endInstant);
    float elapsed = Duration.between(startInstant, workout.end().toInstant()).toMillis() / 1000f;
    float timer = workout.movingTime().map(t -> t.toMillis() / 1000f).orElse(elapsed);
    FitSports.Pair sport = FitSports.of(workout.sport());

    BufferEncoder encoder = new BufferEncoder(Fit.ProtocolVersion.V1_0);
    FileIdMesg fileId = new FileIdMesg();
    fileId.setType(File.ACTIVITY);
    fileId.setManufacturer(Manufacturer.DEVELOPMENT);
    fileId.setProduct(0);
    fileId.setSerialNumber(1L);
    fileId.setTimeCreated(start);
    encoder.write(fileId);

    DeviceInfoMesg device = new DeviceInfoMesg();
    device.setTimestamp(start);
    device.setDeviceIndex(DeviceIndex.CREATOR);
    device.setManufacturer(Manufacturer.DEVELOPMENT);
    device.setProduct(0);
    device.setProductName("SyncWell");
    encoder.write(device);

    encoder.write(timerEvent(start, EventType.START));
    for (TrackPoint p : workout.samples()) {
      encoder.write(record(p));
    }
    encoder.write(timerEvent(end, EventType.STOP_ALL));

    LapMesg lap = new LapMesg();
    lap.setMessageIndex(0);
    lap.setTimestamp(end);
    lap.setStartTime(start);
    lap.setTotalElapsedTime(elapsed);
    lap.setTotalTimerTime(timer);
    lap.setEvent(Event.LAP);
    lap.setEventType(EventType.STOP);
    lap.setSport(sport.sport());
    lap.setSubSport(sport.subSport());
    totalDistance(workout).ifPresent(d -> lap.setTotalDistance((float) d));
    calories(workout).ifPresent(lap::setTotalCalories);
    ascent(workout).ifPresent(lap::setTotalAscent);
    workout.averageHeartRateBpm().ifPresent(bpm -> lap.setAvgHeartRate(heartRate(bpm)));
    workout.maxHeartRateBpm().ifPresent(bpm -> lap.setMaxHeartRate(heartRate(bpm)));
    encoder.write(lap);

    SessionMesg session = new SessionMesg();
    session.setMessageIndex(0);
    session.setTimestamp(end);
    session.setStartTime(start);
    session.setTotalElapsedTime(elapsed);
    session.setTotalTimerTime(timer);
    session.setEvent(Event.SESSION);
    session.setEventType(EventType.STOP);
    session.setSport(sport.sport());
    session.setSubSport(sport.subSport());
    session.setFirstLapIndex(0);
    session.setNumLaps(1);
    totalDistance(workout).ifPresent(d -> session.setTotalDistance((float) d));
    calories(workout).ifPresent(session::setTotalCalories);
    ascent(workout).ifPresent(session::setTotalAscent);
    workout.averageHeartRateBpm().ifPresent(bpm -> session.setAvgHeartRate(heartRate(bpm)));
    workout.maxHeartRateBpm().ifPresent(bpm -> session.setMaxHeartRate(heartRate(bpm)));
    encoder.write(session);

    ActivityMesg activity = new ActivityMesg();
    activity.setTimestamp(end);
    activity.setLocalTimestamp(end.getTimestamp() + workout.start().getOffset().getTotalSeconds());
    activity.setTotalTimerTime(timer);
    activity.setNumSessions(1);
    activity.setType(com.garmin.fit.Activity.MANUAL);
    activity.setEvent(Event.ACTIVITY);
    activity.setEventType(EventType.STOP);
    encoder.write(activity);
    return encoder.close();
  }

  private static EventMesg timerEvent(DateTime when, EventType type) {
    EventMesg event = new EventMesg();
    event.setTimestamp(when);
    event.setEvent(Event.TIMER);
    event.setEventType(type);
    event.setTimerTrigger(TimerTrigger.MANUAL);
    event.setEventGroup((short) 0);
    return event;
  }

  private static RecordMesg record(TrackPoint p) {
    RecordMesg r = new RecordMesg();
    r.setTimestamp(new DateTime(p.time().truncatedTo(ChronoUnit.SECONDS)));
    if (p.hasPosition()) {
      r.setPositionLat(semicircles(p.latitude()));
      r.setPositionLong(semicircles(p.longitude()));
    }
    if (p.altitudeMetres() != null && p.altitudeMetres() >= -500) {
      r.setEnhancedAltitude(p.altitudeMetres().floatValue());
      if (p.altitudeMetres() <= 12_000) {
        r.setAltitude(p.altitudeMetres().floatValue());
      }
    }
    if (p.distanceMetres() != null) {
      r.setDistance(p.distanceMetres().floatValue());
    }
    if (p.heartRateBpm() != null && p.heartRateBpm() <= 254) {
      r.setHeartRate(p.heartRateBpm().shortValue());
    }
    if (p.cadenceRpm() != null && p.cadenceRpm() <= 254) {
      r.setCadence(p.cadenceRpm().shortValue());
    }
    if (p.powerWatts() != null && p.powerWatts() <= 65_534) {
      r.setPower(p.powerWatts());
    }
    return r;
  }

  private static int semicircles(double degrees) {
    long value = Math.round(degrees / DEGREES_PER_SEMICIRCLE);
    return (int) Math.max(-Integer.MAX_VALUE, Math.min(Integer.MAX_VALUE - 1, value));
  }

  private static OptionalDouble totalDistance(Workout workout) {
    if (workout.distanceMetres().isPresent()) {
      return workout.distanceMetres();
    }
    return workout.samples().stream()
        .map(TrackPoint::distanceMetres)
        .filter(Objects::nonNull)
        .mapToDouble(Double::doubleValue)
        .max();
  }

  private static Optional<Integer> calories(Workout workout) {
    return workout.energyJoules().isPresent()
        ? Optional.of(
            (int)
                Math.min(
                    65_534,
                    Math.round(
                        UnitConversion.joulesToKilocalories(workout.energyJoules().getAsDouble()))))
        : Optional.empty();
  }

  private static Optional<Integer> ascent(Workout workout) {
    return workout.elevationGainMetres().isPresent()
        ? Optional.of(
            (int) Math.min(65_534, Math.round(workout.elevationGainMetres().getAsDouble())))
        : Optional.empty();
  }

  private static short heartRate(int bpm) {
    return (short) Math.min(254, bpm);
  }

  /** The decimal a FIT float stands for (157.56, not 157.55999755859375). */
  private static Double decimal(Float value) {
    return value == null ? null : Double.valueOf(Float.toString(value));
  }

  private static Duration seconds(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static Instant ceilToSecond(Instant instant) {
    Instant whole = instant.truncatedTo(ChronoUnit.SECONDS);
    return whole.equals(instant) ? whole : whole.plusSeconds(1);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
