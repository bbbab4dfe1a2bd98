package com.syncwell.simulator.strava;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import com.syncwell.simulator.data.Person;
import com.syncwell.simulator.data.SimWorkout;
import com.syncwell.simulator.http.Json;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Strava's JSON shapes: athlete, SummaryActivity, DetailedActivity, streams, faults. */
final class StravaJson {
  private static final DateTimeFormatter LOCAL_Z =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

  private StravaJson() {}

  static ObjectNode fault(String message, String resource, String field, String code) {
    ObjectNode n = Json.object();
    n.put("message", message);
    ObjectNode e = n.putArray("errors").addObject();
    e.put("resource", resource);
    e.put("field", field);
    e.put("code", code);
    return n;
  }

  static ObjectNode athlete(Person p, int resourceState) {
    ObjectNode a = Json.object();
    a.put("id", p.stravaAthleteId());
    a.put("username", p.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
    a.put("resource_state", resourceState);
    a.put("firstname", p.firstName());
    a.put("lastname", "Simulated");
    a.put("bio", "");
    a.put("city", p.city());
    a.putNull("state");
    a.putNull("country");
    a.put("sex", Math.floorMod(p.seed(), 2L) == 0 ? "F" : "M");
    a.put("premium", false);
    a.put("summit", false);
    a.put("created_at", "2019-03-14T08:00:00Z");
    a.put("updated_at", "2026-11-01T08:00:00Z");
    a.put("badge_type_id", 0);
    a.put("weight", p.bodyMassKg());
    a.put("profile_medium", "avatar/athlete/medium.png");
    a.put("profile", "avatar/athlete/large.png");
    a.putNull("friend");
    a.putNull("follower");
    return a;
  }

  static String type(SportType sport) {
    return switch (sport) {
      case RUNNING -> "Run";
      case CYCLING -> "Ride";
      case WALKING -> "Walk";
      case HIKING -> "Hike";
      case SWIMMING -> "Swim";
      default -> "Workout";
    };
  }

  static SportType sport(String sportType) {
    if (sportType == null) {
      return SportType.OTHER;
    }
    return switch (sportType) {
      case "Run", "TrailRun", "VirtualRun" -> SportType.RUNNING;
      case "Ride", "MountainBikeRide", "GravelRide", "VirtualRide", "EBikeRide" ->
          SportType.CYCLING;
      case "Walk" -> SportType.WALKING;
      case "Hike" -> SportType.HIKING;
      case "Swim" -> SportType.SWIMMING;
      default -> SportType.OTHER;
    };
  }

  static ObjectNode summary(Person person, SimWorkout w, int resourceState) {
    ObjectNode a = Json.object();
    a.put("resource_state", resourceState);
    ObjectNode athlete = a.putObject("athlete");
    athlete.put("id", person.stravaAthleteId());
    athlete.put("resource_state", 1);
    a.put("name", w.title() == null ? type(w.sport()) : w.title());
    a.put("distance", w.distanceMetres());
    a.put("moving_time", w.movingSeconds());
    a.put("elapsed_time", w.elapsedSeconds());
    a.put("total_elevation_gain", w.elevationGainMetres());
    a.put("type", type(w.sport()));
    a.put("sport_type", type(w.sport()));
    a.putNull("workout_type");
    a.put("id", Long.parseLong(w.id()));
    if (w.externalId() == null) {
      a.putNull("external_id");
    } else {
      a.put("external_id", w.externalId());
    }
    if (w.uploadId() == null) {
      a.putNull("upload_id");
      a.putNull("upload_id_str");
    } else {
      a.put("upload_id", w.uploadId());
      a.put("upload_id_str", w.uploadId().toString());
    }
    a.put("start_date", w.start().toString());
    LocalDateTime local = LocalDateTime.ofInstant(w.start(), w.offset());
    a.put("start_date_local", LOCAL_Z.format(local));
    ZoneOffset standard = person.zone().getRules().getStandardOffset(w.start());
    a.put(
        "timezone",
        "(GMT"
            + (standard.getTotalSeconds() == 0 ? "+00:00" : standard.getId())
            + ") "
            + person.zone().getId());
    a.put("utc_offset", (double) w.offset().getTotalSeconds());
    List<TrackPoint> ends = null;
    if (w.hasGps() && !w.samples().isEmpty()) {
      ends = w.samples();
    }
    a.putNull("location_city");
    a.putNull("location_state");
    a.putNull("location_country");
    a.put("achievement_count", 0);
    a.put("kudos_count", 0);
    a.put("comment_count", 0);
    a.put("athlete_count", 1);
    a.put("photo_count", 0);
    ObjectNode map = a.putObject("map");
    map.put("id", "a" + w.id());
    if (w.summaryPolyline() == null) {
      map.putNull("summary_polyline");
    } else {
      map.put("summary_polyline", w.summaryPolyline());
    }
    map.put("resource_state", 2);
    a.put("trainer", false);
    a.put("commute", false);
    a.put("manual", w.manual());
    a.put("private", false);
    a.put("visibility", "everyone");
    a.put("flagged", false);
    a.putNull("gear_id");
    if (ends != null) {
      TrackPoint first = ends.get(0);
      TrackPoint last = ends.get(ends.size() - 1);
      if (first.hasPosition()) {
        a.putArray("start_latlng").add(first.latitude()).add(first.longitude());
        a.putArray("end_latlng").add(last.latitude()).add(last.longitude());
      }
    } else {
      a.putArray("start_latlng");
      a.putArray("end_latlng");
    }
    double speed = w.movingSeconds() == 0 ? 0 : w.distanceMetres() / w.movingSeconds();
    a.put("average_speed", Math.round(speed * 1000) / 1000.0);
    a.put("max_speed", Math.round(speed * 1.35 * 1000) / 1000.0);
    if (w.averageCadence() != null) {
      a.put("average_cadence", w.averageCadence());
    }
    if (w.averageWatts() != null) {
      a.put("average_watts", w.averageWatts());
      a.put("kilojoules", Math.round(w.averageWatts() * w.movingSeconds() / 100.0) / 10.0);
      a.put("device_watts", true);
    }
    a.put("has_heartrate", w.averageHeartRate() != null);
    if (w.averageHeartRate() != null) {
      a.put("average_heartrate", w.averageHeartRate().doubleValue());
      a.put("max_heartrate", w.maxHeartRate().doubleValue());
    }
    a.put("heartrate_opt_out", false);
    a.put("display_hide_heartrate_option", w.averageHeartRate() != null);
    a.put("from_accepted_tag", false);
    a.put("pr_count", 0);
    a.put("total_photo_count", 0);
    a.put("has_kudoed", false);
    if (!w.manual()) {
      a.put(
          "device_name",
          w.origin() == com.syncwell.simulator.data.Origin.UPLOADED
              ? "Uploaded file"
              : "Garmin Forerunner 965");
    }
    return a;
  }

  static ObjectNode detailed(Person person, SimWorkout w, String polyline) {
    ObjectNode a = summary(person, w, 3);
    a.put("description", "");
    a.put("calories", w.calories());
    ObjectNode map = (ObjectNode) a.get("map");
    if (polyline == null) {
      map.putNull("polyline");
    } else {
      map.put("polyline", polyline);
    }
    map.put("resource_state", 3);
    a.putArray("segment_efforts");
    a.putArray("splits_metric");
    a.putArray("laps");
    a.putNull("gear");
    ObjectNode photos = a.putObject("photos");
    photos.putNull("primary");
    photos.put("count", 0);
    a.put("hide_from_home", false);
    a.putArray("available_zones");
    return a;
  }

  static final Set<String> STREAM_TYPES =
      Set.of(
          "time",
          "latlng",
          "distance",
          "altitude",
          "velocity_smooth",
          "heartrate",
          "cadence",
          "watts",
          "moving",
          "grade_smooth");

  /** One stream's data array, or null when the activity has none of it. */
  static ArrayNode stream(String type, List<TrackPoint> points, Instant start) {
    ArrayNode data = Json.array();
    boolean any = false;
    TrackPoint previous = null;
    for (TrackPoint p : points) {
      switch (type) {
        case "time" -> {
          data.add(p.time().getEpochSecond() - start.getEpochSecond());
          any = true;
        }
        case "latlng" -> {
          if (p.hasPosition()) {
            data.addArray().add(p.latitude()).add(p.longitude());
            any = true;
          }
        }
        case "distance" -> {
          if (p.distanceMetres() != null) {
            data.add(p.distanceMetres());
            any = true;
          }
        }
        case "altitude" -> {
          if (p.altitudeMetres() != null) {
            data.add(p.altitudeMetres());
            any = true;
          }
        }
        case "heartrate" -> {
          if (p.heartRateBpm() != null) {
            data.add(p.heartRateBpm());
            any = true;
          }
        }
        case "cadence" -> {
          if (p.cadenceRpm() != null) {
            data.add(p.cadenceRpm());
            any = true;
          }
        }
        case "watts" -> {
          if (p.powerWatts() != null) {
            data.add(p.powerWatts());
            any = true;
          }
        }
        case "velocity_smooth" -> {
          double v = 0;
          if (previous != null && p.distanceMetres() != null && previous.distanceMetres() != null) {
            long dt = p.time().getEpochSecond() - previous.time().getEpochSecond();
            v = dt <= 0 ? 0 : (p.distanceMetres() - previous.distanceMetres()) / dt;
          }
          data.add(Math.round(v * 1000) / 1000.0);
          any = p.distanceMetres() != null || any;
        }
        case "moving" -> {
          data.add(true);
          any = true;
        }
        case "grade_smooth" -> {
          data.add(0.0);
          any = p.altitudeMetres() != null || any;
        }
        default -> {}
      }
      previous = p;
    }
    return any ? data : null;
  }
}
