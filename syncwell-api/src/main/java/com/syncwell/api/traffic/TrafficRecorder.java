package com.syncwell.api.traffic;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;

/**
 * Aggregates the API's traffic per UTC day without user identity (see {@link TrafficProfile} for
 * what is counted) and exports today's and the last complete day's profile.
 *
 * <p>Privacy: a request's user id is turned into the day's anonymous key ({@link
 * AnonymousUserKeys}: a keyed hash under a random key made each day, in memory only) and dropped;
 * at the day's end the key and the table of anonymous keys are dropped too and only the aggregates
 * stay. Nothing here logs.
 *
 * <p>Memory: at most {@code userCap} users a day are tracked ({@link #DEFAULT_USER_CAP} = 100,000:
 * about 6 MB of primitive arrays at worst, allocated as users arrive); requests of further users
 * count in the totals but not in the per-user figures, and the profile says how many there were.
 * Everything else is fixed-size (1,440 minute counters, 8 payload buckets, one counter per route
 * template).
 *
 * <p><b>Threading:</b> {@link #observe} and {@link #export} may be called from any thread; they
 * serialise on one lock held for a few microseconds (one HMAC and a few counter updates).
 */
public final class TrafficRecorder implements TrafficObserver {
  public static final int DEFAULT_USER_CAP = 100_000;

  /** Routes that are not user traffic: probes, metrics, the contract, admin routes. */
  private static final Set<String> OPERATIONAL =
      Set.of("/healthz", "/readyz", "/metrics", "/v1/openapi.yaml");

  private final Clock clock;
  private final int userCap;
  private final SecureRandom random = new SecureRandom();
  private DayTally today;
  private TrafficProfile previous;

  public TrafficRecorder(Clock clock) {
    this(clock, DEFAULT_USER_CAP);
  }

  public TrafficRecorder(Clock clock, int userCap) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (userCap < 1) {
      throw new IllegalArgumentException("userCap must be positive, was " + userCap);
    }
    this.userCap = userCap;
  }

  @Override
  public void observe(TrafficSample sample) {
    if (isOperational(sample.route())) {
      return;
    }
    Instant now = clock.instant();
    synchronized (this) {
      dayOf(now).count(sample, now);
    }
  }

  /** Today's profile so far and the last complete day's, as of now. */
  public synchronized TrafficExport export() {
    Instant now = clock.instant();
    DayTally current = dayOf(now);
    return new TrafficExport(
        TrafficExport.FORMAT, now.toString(), current.profile(false), previous);
  }

  /** Today's tally (for the memory bound's test). */
  synchronized DayTally today() {
    return dayOf(clock.instant());
  }

  static boolean isOperational(String route) {
    return OPERATIONAL.contains(route) || route.startsWith("/v1/admin/");
  }

  private DayTally dayOf(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (today == null) {
      today = new DayTally(day, new AnonymousUserKeys(random), userCap);
    } else if (day.isAfter(today.day())) {
      previous = today.profile(true);
      today = new DayTally(day, new AnonymousUserKeys(random), userCap);
    }
    return today;
  }
}
