package com.syncwell.simulator.data;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A simulated person: the name chooses the seed, and the seed everything else (home, time zone,
 * physiology, provider account ids).
 */
public record Person(
    String name,
    long seed,
    ZoneId zone,
    String city,
    double homeLatitude,
    double homeLongitude,
    double homeAltitude,
    double bodyMassKg,
    int restingHeartRate,
    long stravaAthleteId,
    String healthUserId,
    String legacyUserId) {

  private record Home(String city, String zone, double lat, double lng, double alt) {}

  private static final List<Home> HOMES =
      List.of(
          new Home("Berlin", "Europe/Berlin", 52.5163, 13.3777, 40),
          new Home("London", "Europe/London", 51.5079, -0.0877, 15),
          new Home("Boulder", "America/Denver", 40.0150, -105.2705, 1655),
          new Home("San Francisco", "America/Los_Angeles", 37.7694, -122.4862, 20),
          new Home("New York", "America/New_York", 40.7812, -73.9665, 30),
          new Home("Sydney", "Australia/Sydney", -33.8915, 151.2767, 10),
          new Home("Zurich", "Europe/Zurich", 47.3667, 8.5500, 410),
          new Home("Tokyo", "Asia/Tokyo", 35.6852, 139.7528, 40));

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

  /** The person for {@code name}, given the simulator-wide seed. */
  public static Person named(String name, long globalSeed) {
    long seed = Mix.of(Mix.of(name), globalSeed);
    Home home = HOMES.get((int) Math.floorMod(seed, (long) HOMES.size()));
    long a = Mix.of(seed, 1);
    long b = Mix.of(seed, 2);
    long c = Mix.of(seed, 3);
    long athlete = 10_000_000L + Math.floorMod(a, 190_000_000L);
    String health =
        Long.toString(1_000_000_000_000_000_000L + Math.floorMod(b, 8_000_000_000_000_000_000L));
    StringBuilder legacy = new StringBuilder();
    long bits = c;
    for (int i = 0; i < 6; i++) {
      legacy.append(ALPHABET.charAt((int) Math.floorMod(bits, (long) ALPHABET.length())));
      bits /= ALPHABET.length();
    }
    double mass = 55 + Math.floorMod(Mix.of(seed, 4), 40L) + 0.1 * Math.floorMod(seed, 10L);
    int rest = 48 + (int) Math.floorMod(Mix.of(seed, 5), 16L);
    return new Person(
        name,
        seed,
        ZoneId.of(home.zone),
        home.city,
        home.lat,
        home.lng,
        home.alt,
        mass,
        rest,
        athlete,
        health,
        legacy.toString());
  }

  public String firstName() {
    String n = name.isEmpty() ? "Sim" : name;
    return n.substring(0, 1).toUpperCase(Locale.ROOT) + n.substring(1);
  }
}
