package com.syncwell.simulator.data;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** All simulated accounts, created with their seeded dataset on first use; and new-id sources. */
public final class Accounts {
  private final Map<String, Account> byName = new ConcurrentHashMap<>();
  private final Map<Long, Account> byAthlete = new ConcurrentHashMap<>();
  private final Map<String, Account> byHealthUser = new ConcurrentHashMap<>();
  private final AtomicLong anonymous = new AtomicLong();
  private final AtomicLong stravaIds = new AtomicLong(90_000_000_000L);
  private final AtomicLong uploadIds = new AtomicLong(95_000_000_000L);
  private final AtomicLong googleIds = new AtomicLong(9_100_000_000_000_000_000L);
  private final long seed;
  private final Clock clock;

  public Accounts(long seed, Clock clock) {
    this.seed = seed;
    this.clock = clock;
  }

  /** The account of {@code name}, created with its dataset when new. */
  public Account named(String name) {
    Account existing = byName.get(name);
    if (existing != null) {
      return existing;
    }
    synchronized (this) {
      return byName.computeIfAbsent(
          name,
          n -> {
            Account a = DatasetGenerator.generate(Person.named(n, seed), clock.instant());
            byAthlete.put(a.person().stravaAthleteId(), a);
            byHealthUser.put(a.person().healthUserId(), a);
            return a;
          });
    }
  }

  /** A new account with a generated name. */
  public Account fresh() {
    while (true) {
      String name = "sim-user-" + anonymous.incrementAndGet();
      if (!byName.containsKey(name)) {
        return named(name);
      }
    }
  }

  public Optional<Account> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Optional<Account> byAthlete(long athleteId) {
    return Optional.ofNullable(byAthlete.get(athleteId));
  }

  public Optional<Account> byHealthUser(String healthUserId) {
    return Optional.ofNullable(byHealthUser.get(healthUserId));
  }

  public Collection<Account> all() {
    return List.copyOf(byName.values());
  }

  public long nextStravaId() {
    return stravaIds.incrementAndGet();
  }

  public long nextUploadId() {
    return uploadIds.incrementAndGet();
  }

  public String nextGoogleId() {
    return Long.toString(googleIds.incrementAndGet());
  }
}
