package com.syncwell.simulator.data;

import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthesises a workout's streams from its seed: a wobbly loop near home, a smooth speed profile
 * scaled to the distance, rolling altitude, heart rate settling towards an effort level, cadence,
 * and power for rides. Same inputs, same points: nothing needs storing.
 */
public final class TrackSynth {
  private TrackSynth() {}

  public static int sampleInterval(SportType sport) {
    return sport == SportType.HIKING ? 5 : 1;
  }

  public static boolean hasGps(SportType sport) {
    return sport != SportType.SWIMMING;
  }

  public static List<TrackPoint> synthesize(
      Person person,
      SportType sport,
      Instant start,
      int elapsedSeconds,
      double distanceMetres,
      long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int interval = sampleInterval(sport);
    int n = elapsedSeconds / interval + 1;
    double phi1 = rng.nextDouble() * 2 * Math.PI;
    double phi2 = rng.nextDouble() * 2 * Math.PI;
    double phi3 = rng.nextDouble() * 2 * Math.PI;
    double centreLat = person.homeLatitude() + (rng.nextDouble() - 0.5) * 0.03;
    double centreLng = person.homeLongitude() + (rng.nextDouble() - 0.5) * 0.03;
    double[] speed = new double[n];
    double total = 0;
    for (int i = 1; i < n; i++) {
      double t = (double) i * interval;
      speed[i] =
          Math.max(
              0.05,
              1 + 0.08 * Math.sin(2 * Math.PI * t / 420 + phi1) + 0.04 * (rng.nextDouble() - 0.5));
      total += speed[i];
    }
    double scale = total == 0 ? 0 : distanceMetres / total;
    double radius = Math.max(distanceMetres / (2 * Math.PI), 30);
    double amplitude =
        switch (sport) {
          case HIKING -> 120;
          case CYCLING -> 35;
          case RUNNING -> 15;
          default -> 6;
        };
    int effort =
        switch (sport) {
              case RUNNING -> 152;
              case CYCLING -> 138;
              case HIKING -> 118;
              case SWIMMING -> 130;
              default -> 102;
            }
            + (int) Math.floorMod(person.seed(), 11L)
            - 5;
    int rest = person.restingHeartRate() + 15;
    double cosLat = Math.cos(Math.toRadians(centreLat));
    double power = 150 + Math.floorMod(person.seed() >>> 8, 90L);
    List<TrackPoint> points = new ArrayList<>(n);
    double s = 0;
    for (int i = 0; i < n; i++) {
      double t = (double) i * interval;
      s += speed[i] * scale;
      TrackPoint p = TrackPoint.at(start.plusSeconds((long) i * interval));
      double theta = distanceMetres == 0 ? 0 : 2 * Math.PI * s / distanceMetres;
      if (hasGps(sport)) {
        double r = radius * (1 + 0.15 * Math.sin(3 * theta + phi2));
        double dx = r * Math.cos(theta) - radius * (1 + 0.15 * Math.sin(phi2));
        double dy = r * Math.sin(theta);
        double lat = centreLat + dy / 111_320.0;
        double lng = centreLng + dx / (111_320.0 * cosLat);
        p = p.withPosition(round(lat, 1e6), round(lng, 1e6));
        double alt =
            person.homeAltitude()
                + amplitude * (0.7 * Math.sin(2 * theta + phi3) + 0.3 * Math.sin(5 * theta));
        p = p.withAltitude(round(alt, 10));
      }
      p = p.withDistance(round(s, 10));
      int hr =
          (int)
              Math.round(
                  rest
                      + (effort - rest) * (1 - Math.exp(-t / 150))
                      + 4 * Math.sin(2 * Math.PI * t / 360 + phi1)
                      + rng.nextInt(5)
                      - 2);
      p = p.withHeartRate(Math.max(45, Math.min(200, hr)));
      Integer cadence =
          switch (sport) {
            case RUNNING -> 84 + rng.nextInt(5) - 2;
            case CYCLING -> 87 + rng.nextInt(7) - 3;
            case WALKING, HIKING -> 55 + rng.nextInt(3) - 1;
            default -> null;
          };
      p = p.withCadence(cadence);
      if (sport == SportType.CYCLING) {
        int watts =
            (int) Math.round(power * (1 + 0.15 * Math.sin(2 * Math.PI * t / 240 + phi2)))
                + rng.nextInt(31)
                - 15;
        p = p.withPower(Math.max(0, watts));
      }
      points.add(p);
    }
    return points;
  }

  private static double round(double value, double factor) {
    return Math.round(value * factor) / factor;
  }
}
