package com.syncwell.simulator.data;

import java.util.Objects;

/** A simulated person and their records on each provider. */
public record Account(Person person, ProviderStore strava, ProviderStore fitbit) {
  public static final String STRAVA = "strava";
  public static final String FITBIT = "fitbit";

  public Account {
    Objects.requireNonNull(person, "person");
  }

  public ProviderStore store(String provider) {
    return switch (provider) {
      case STRAVA -> strava;
      case FITBIT -> fitbit;
      default -> throw new IllegalArgumentException("unknown provider " + provider);
    };
  }
}
