package com.syncwell.simulator.google;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.domain.SleepStage;
import com.syncwell.domain.SleepStageType;
import com.syncwell.domain.SportType;
import com.syncwell.simulator.data.Origin;
import com.syncwell.simulator.data.Person;
import com.syncwell.simulator.data.SimRestingHeartRate;
import com.syncwell.simulator.data.SimSleep;
import com.syncwell.simulator.data.SimWeight;
import com.syncwell.simulator.data.SimWorkout;
import com.syncwell.simulator.data.StepsInterval;
import com.syncwell.simulator.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

/** Google Health API data point shapes (discovery rev 20261002). */
final class GoogleJson {
  private GoogleJson() {}

  static String offset(ZoneOffset offset) {
    return offset.getTotalSeconds() + "s";
  }

  static String name(Person p, String type, String id) {
    return "users/" + p.healthUserId() + "/dataTypes/" + type + "/dataPoints/" + id;
  }

  static ObjectNode interval(
      Instant start, ZoneOffset startOffset, Instant end, ZoneOffset endOffset) {
    ObjectNode i = Json.object();
    i.put("startTime", start.toString());
    i.put("startUtcOffset", offset(startOffset));
    i.put("endTime", end.toString());
    i.put("endUtcOffset", offset(endOffset));
    return i;
  }

  static ObjectNode source(
      String recordingMethod, Origin origin, String clientId, String device, String maker) {
    ObjectNode s = Json.object();
    if (origin == Origin.API) {
      s.put("recordingMethod", "MANUAL");
      s.put("platform", "GOOGLE_WEB_API");
      s.putObject("application").put("googleWebClientId", clientId);
    } else {
      s.put("recordingMethod", recordingMethod);
      s.put("platform", "FITBIT");
      if (device != null) {
        ObjectNode d = s.putObject("device");
        d.put("displayName", device);
        d.put("manufacturer", maker);
      }
    }
    return s;
  }

  static String exerciseType(SportType sport) {
    return switch (sport) {
      case RUNNING -> "RUNNING";
      case CYCLING -> "BIKING";
      case WALKING -> "WALKING";
      case HIKING -> "HIKING";
      case SWIMMING -> "SWIMMING";
      default -> "OTHER";
    };
  }

  static SportType sport(String exerciseType) {
    if (exerciseType == null) {
      return SportType.OTHER;
    }
    return switch (exerciseType) {
      case "RUNNING" -> SportType.RUNNING;
      case "BIKING" -> SportType.CYCLING;
      case "WALKING" -> SportType.WALKING;
      case "HIKING" -> SportType.HIKING;
      case "SWIMMING" -> SportType.SWIMMING;
      default -> SportType.OTHER;
    };
  }

  static String displayName(SportType sport) {
    return switch (sport) {
      case RUNNING -> "Run";
      case CYCLING -> "Bike";
      case WALKING -> "Walk";
      case HIKING -> "Hike";
      case SWIMMING -> "Swim";
      default -> "Workout";
    };
  }

  static ObjectNode exercise(Person p, SimWorkout w) {
    ObjectNode dp = Json.object();
    dp.put("name", name(p, "exercise", w.id()));
    dp.set(
        "dataSource",
        source(
            w.manual() ? "MANUAL" : "ACTIVELY_MEASURED",
            w.origin(),
            w.clientId(),
            "Pixel Watch 3",
            "Google"));
    ObjectNode e = dp.putObject("exercise");
    e.set("interval", interval(w.start(), w.offset(), w.end(), w.offset()));
    e.put("exerciseType", exerciseType(w.sport()));
    e.put(
        "displayName",
        w.sport() == SportType.OTHER && w.title() != null ? w.title() : displayName(w.sport()));
    e.put("activeDuration", w.movingSeconds() + "s");
    ObjectNode m = e.putObject("metricsSummary");
    m.put("caloriesKcal", w.calories());
    m.put("distanceMillimeters", Math.round(w.distanceMetres() * 1000.0) * 1.0);
    if (w.sport() == SportType.RUNNING
        || w.sport() == SportType.WALKING
        || w.sport() == SportType.HIKING) {
      double perSecond = w.sport() == SportType.RUNNING ? 2.8 : 1.8;
      m.put("steps", Long.toString(Math.round(w.movingSeconds() * perSecond)));
    }
    if (w.averageHeartRate() != null) {
      m.put("averageHeartRateBeatsPerMinute", Integer.toString(w.averageHeartRate()));
      m.put(
          "activeZoneMinutes",
          Long.toString(
              Math.round(w.movingSeconds() / 60.0 * (w.averageHeartRate() > 120 ? 1.4 : 0.3))));
    }
    if (w.distanceMetres() > 0 && w.movingSeconds() > 0) {
      m.put("averagePaceSecondsPerMeter", w.movingSeconds() / w.distanceMetres());
      m.put("averageSpeedMillimetersPerSecond", w.distanceMetres() * 1000.0 / w.movingSeconds());
    }
    m.put("elevationGainMillimeters", Math.round(w.elevationGainMetres() * 1000.0) * 1.0);
    ArrayNode events = e.putArray("exerciseEvents");
    ObjectNode startEvent = events.addObject();
    startEvent.put("eventTime", w.start().toString());
    startEvent.put("eventUtcOffset", offset(w.offset()));
    startEvent.put("exerciseEventType", "START");
    ObjectNode stop = events.addObject();
    stop.put("eventTime", w.end().toString());
    stop.put("eventUtcOffset", offset(w.offset()));
    stop.put("exerciseEventType", "STOP");
    ObjectNode meta = e.putObject("exerciseMetadata");
    if (w.hasGps()) {
      meta.put("hasGps", true);
    }
    if (w.createTime() != null) {
      e.put("createTime", w.createTime().toString());
      e.put("updateTime", w.updateTime().toString());
    }
    return dp;
  }

  static ObjectNode steps(StepsInterval s) {
    ObjectNode dp = Json.object();
    dp.set(
        "dataSource",
        source("PASSIVELY_MEASURED", Origin.GENERATED, null, "Pixel Watch 3", "Google"));
    ObjectNode st = dp.putObject("steps");
    st.set("interval", interval(s.start(), s.offset(), s.end(), s.offset()));
    st.put("count", Long.toString(s.count()));
    return dp;
  }

  static ObjectNode sleep(Person p, SimSleep s) {
    ObjectNode dp = Json.object();
    dp.put("name", name(p, "sleep", s.id()));
    dp.set("dataSource", source("PASSIVELY_MEASURED", s.origin(), null, "Pixel Watch 3", "Google"));
    ObjectNode sl = dp.putObject("sleep");
    var session = s.session();
    sl.set(
        "interval",
        interval(
            session.start().toInstant(),
            session.start().getOffset(),
            session.end().toInstant(),
            session.end().getOffset()));
    sl.put("type", "STAGES");
    ArrayNode stages = sl.putArray("stages");
    Map<SleepStageType, long[]> byType = new EnumMap<>(SleepStageType.class);
    for (SleepStage stage : session.stages()) {
      ObjectNode o = stages.addObject();
      ZoneOffset off = p.zone().getRules().getOffset(stage.start());
      o.put("startTime", stage.start().toString());
      o.put("startUtcOffset", offset(off));
      o.put("endTime", stage.end().toString());
      o.put("endUtcOffset", offset(p.zone().getRules().getOffset(stage.end())));
      o.put("type", stage.type().name());
      o.put("createTime", s.createTime().toString());
      o.put("updateTime", s.updateTime().toString());
      long[] agg = byType.computeIfAbsent(stage.type(), t -> new long[2]);
      agg[0] += Duration.between(stage.start(), stage.end()).toMinutes();
      agg[1]++;
    }
    ObjectNode meta = sl.putObject("metadata");
    meta.put("processed", true);
    meta.put("mainSleep", true);
    meta.put("nap", false);
    meta.put("manuallyEdited", false);
    ObjectNode summary = sl.putObject("summary");
    long inBed = session.inBed().toMinutes();
    long asleep = session.asleep().toMinutes();
    long toFall =
        session.stages().isEmpty() || session.stages().get(0).type() != SleepStageType.AWAKE
            ? 0
            : Duration.between(session.stages().get(0).start(), session.stages().get(0).end())
                .toMinutes();
    summary.put("minutesAsleep", Long.toString(asleep));
    summary.put("minutesAwake", Long.toString(inBed - asleep));
    summary.put("minutesInSleepPeriod", Long.toString(inBed));
    summary.put("minutesToFallAsleep", Long.toString(toFall));
    summary.put("minutesAfterWakeUp", "0");
    ArrayNode stagesSummary = summary.putArray("stagesSummary");
    byType.forEach(
        (type, agg) -> {
          ObjectNode o = stagesSummary.addObject();
          o.put("type", type.name());
          o.put("minutes", Long.toString(agg[0]));
          o.put("count", Long.toString(agg[1]));
        });
    sl.put("createTime", s.createTime().toString());
    sl.put("updateTime", s.updateTime().toString());
    return dp;
  }

  static ObjectNode weight(Person p, SimWeight w) {
    ObjectNode dp = Json.object();
    dp.put("name", name(p, "weight", w.id()));
    dp.set(
        "dataSource", source("PASSIVELY_MEASURED", w.origin(), w.clientId(), "Aria Air", "Fitbit"));
    ObjectNode we = dp.putObject("weight");
    ObjectNode t = we.putObject("sampleTime");
    t.put("physicalTime", w.weight().time().toInstant().toString());
    t.put("utcOffset", offset(w.weight().time().getOffset()));
    we.put("weightGrams", Math.round(w.weight().kilograms() * 1000.0) * 1.0);
    return dp;
  }

  static ObjectNode restingHeartRate(SimRestingHeartRate r) {
    ObjectNode dp = Json.object();
    dp.set("dataSource", source("DERIVED", Origin.GENERATED, null, "Pixel Watch 3", "Google"));
    ObjectNode d = dp.putObject("dailyRestingHeartRate");
    LocalDate day = r.value().date();
    ObjectNode date = d.putObject("date");
    date.put("year", day.getYear());
    date.put("month", day.getMonthValue());
    date.put("day", day.getDayOfMonth());
    d.put("beatsPerMinute", Integer.toString(r.value().restingBpm()));
    return dp;
  }
}
