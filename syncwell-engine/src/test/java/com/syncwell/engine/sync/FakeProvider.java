package com.syncwell.engine.sync;

import com.syncwell.connector.AuthorizationRequest;
import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.ChangePage;
import com.syncwell.connector.Connector;
import com.syncwell.connector.Cursor;
import com.syncwell.connector.OAuthClient;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.ProviderDescription;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RateLimited;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.RecordWriter;
import com.syncwell.connector.TimeWindow;
import com.syncwell.connector.TokenSet;
import com.syncwell.connector.WriteOutcome;
import com.syncwell.domain.DataType;
import com.syncwell.domain.HealthRecord;
import com.syncwell.domain.RecordRef;
import com.syncwell.domain.SportType;
import com.syncwell.domain.Workout;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An in-memory provider of workouts: records in a map, a change feed with a sequence-number cursor
 * (pages of {@link #PAGE_SIZE}), a writer that honours idempotency keys (kept as the provenance
 * marker {@code syncwell-<key>}), and switches that make a chosen call throw.
 */
final class FakeProvider implements Connector {
  static final int PAGE_SIZE = 3;

  /** Where a switch can throw. */
  enum Step {
    LIST,
    FETCH,
    /** Before the write reaches the store. */
    WRITE,
    /** After the write reached the store: the answer is lost. */
    AFTER_WRITE
  }

  private record Stored(long seq, RecordRef ref, Workout workout) {}

  private final String id;
  private final Map<String, Stored> records = new LinkedHashMap<>();
  private final Map<Step, Integer> callsLeft = new EnumMap<>(Step.class);
  private final Map<Step, Supplier<RuntimeException>> failures = new EnumMap<>(Step.class);
  private final Set<String> unreadable = new HashSet<>();
  private final Set<String> refusedTitles = new HashSet<>();
  private long seq;
  private int nextId = 1;
  private boolean revoked;
  private Clock stormClock;
  private Instant stormUntil = Instant.MIN;
  private Duration stormReset = Duration.ZERO;
  private int stormSpareCalls;

  /** Every call that reached the provider, refused ones included. */
  int attempts;

  int throttledCalls;
  int listCalls;
  int fetchCalls;
  int writeCalls;

  FakeProvider(String id) {
    this.id = id;
  }

  // ---- the dataset ----

  static Workout workout(SportType sport, String title, OffsetDateTime start, Duration length) {
    return new Workout(
        sport,
        Optional.of(title),
        start,
        start.plus(length),
        Optional.empty(),
        OptionalDouble.of(5000),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        List.of());
  }

  /** Adds a record of the user's own (no marker); returns its id. */
  synchronized String add(Workout w) {
    return put(w, Optional.empty(), Optional.empty());
  }

  /** Adds a record of the user's own that the provider says was last changed at {@code changed}. */
  synchronized String add(Workout w, Instant changed) {
    return put(w, Optional.empty(), Optional.of(changed));
  }

  private String put(Workout w, Optional<String> marker, Optional<Instant> lastModified) {
    String recordId = id + "-" + nextId++;
    RecordRef ref =
        new RecordRef(
            id,
            recordId,
            DataType.WORKOUT,
            w.start(),
            w.end(),
            lastModified,
            0,
            Optional.of(w.sport()),
            marker);
    records.put(recordId, new Stored(++seq, ref, w));
    return recordId;
  }

  synchronized List<RecordRef> refs() {
    return records.values().stream().map(Stored::ref).toList();
  }

  synchronized List<Workout> workouts() {
    return records.values().stream().map(Stored::workout).toList();
  }

  // ---- switches ----

  /** The {@code n}-th call (1-based, counted from now) of {@code step} throws. */
  synchronized void failAt(Step step, int n, Supplier<RuntimeException> failure) {
    callsLeft.put(step, n);
    failures.put(step, failure);
  }

  synchronized void clearFailures() {
    callsLeft.clear();
    failures.clear();
  }

  synchronized void unreadable(String recordId) {
    unreadable.add(recordId);
  }

  synchronized void refuseTitle(String title) {
    refusedTitles.add(title);
  }

  synchronized void revoke() {
    revoked = true;
  }

  /**
   * A 429 storm: after {@code spareCalls} more calls, every call throws {@link RateLimited} while
   * {@code clock} is before {@code until}, naming a reset {@code reset} after the call (a rolling
   * window, so a job can be limited many times before the storm ends).
   */
  synchronized void storm(Clock clock, int spareCalls, Instant until, Duration reset) {
    stormClock = clock;
    stormSpareCalls = spareCalls;
    stormUntil = until;
    stormReset = reset;
  }

  private void maybeStorm() {
    if (stormClock == null || !stormClock.instant().isBefore(stormUntil)) {
      return;
    }
    if (stormSpareCalls > 0) {
      stormSpareCalls--;
      return;
    }
    throttledCalls++;
    throw new RateLimited(id, stormClock.instant().plus(stormReset), "429 Too Many Requests");
  }

  private void maybeFail(Step step) {
    Integer left = callsLeft.get(step);
    if (left == null) {
      return;
    }
    if (left <= 1) {
      callsLeft.remove(step);
      throw failures.remove(step).get();
    }
    callsLeft.put(step, left - 1);
  }

  private void checkGrant() {
    attempts++;
    if (revoked) {
      throw new AuthorizationRevoked(id, "the grant was revoked");
    }
  }

  // ---- Connector ----

  @Override
  public ProviderDescription describe() {
    return new ProviderDescription(
        id, id, Set.of(DataType.WORKOUT), Set.of(DataType.WORKOUT), false, List.of(), List.of());
  }

  @Override
  public Optional<RecordReader> reader(DataType type) {
    return type == DataType.WORKOUT ? Optional.of(reader) : Optional.empty();
  }

  @Override
  public Optional<RecordWriter> writer(DataType type) {
    return type == DataType.WORKOUT ? Optional.of(writer) : Optional.empty();
  }

  @Override
  public OAuthClient oauth() {
    return oauth;
  }

  private final RecordReader reader =
      new RecordReader() {
        @Override
        public ChangePage listChanges(
            ProviderSession session, Optional<Cursor> cursor, TimeWindow window) {
          synchronized (FakeProvider.this) {
            session.credentials().accessToken();
            checkGrant();
            maybeStorm();
            listCalls++;
            session.meter().recordCall(100);
            maybeFail(Step.LIST);
            long after = cursor.map(c -> Long.parseLong(c.value())).orElse(0L);
            List<Stored> candidates =
                records.values().stream()
                    .filter(s -> s.seq() > after)
                    .filter(s -> window.contains(s.ref().start().toInstant()))
                    .sorted((a, b) -> Long.compare(a.seq(), b.seq()))
                    .toList();
            List<Stored> page = candidates.subList(0, Math.min(PAGE_SIZE, candidates.size()));
            long next = page.isEmpty() ? Math.max(after, 0) : page.getLast().seq();
            if (page.isEmpty() && cursor.isEmpty()) {
              next = seq; // nothing in the window: the feed's end
            }
            return new ChangePage(
                page.stream().map(Stored::ref).toList(),
                new Cursor(Long.toString(next)),
                candidates.size() > PAGE_SIZE);
          }
        }

        @Override
        public HealthRecord fetch(ProviderSession session, RecordRef ref) {
          synchronized (FakeProvider.this) {
            checkGrant();
            maybeStorm();
            fetchCalls++;
            session.meter().recordCall(1000);
            maybeFail(Step.FETCH);
            if (unreadable.contains(ref.recordId())) {
              throw new Permanent(id, "the record is malformed", null);
            }
            Stored s = records.get(ref.recordId());
            if (s == null) {
              throw new Permanent(id, "no such record", null);
            }
            return s.workout();
          }
        }
      };

  private final RecordWriter writer =
      (session, record, key) -> {
        synchronized (FakeProvider.this) {
          checkGrant();
          maybeStorm();
          writeCalls++;
          session.meter().recordCall(50);
          maybeFail(Step.WRITE);
          Workout w = (Workout) record;
          if (w.title().filter(refusedTitles::contains).isPresent()) {
            return new WriteOutcome.Rejected("the sport is not accepted here");
          }
          String marker = "syncwell-" + key.value();
          for (Stored s : records.values()) {
            if (s.ref().provenanceMarker().equals(Optional.of(marker))) {
              return new WriteOutcome.DuplicateFound(s.ref().recordId());
            }
          }
          String created = put(w, Optional.of(marker), Optional.empty());
          maybeFail(Step.AFTER_WRITE);
          return new WriteOutcome.Created(created);
        }
      };

  private final OAuthClient oauth =
      new OAuthClient() {
        @Override
        public String provider() {
          return id;
        }

        @Override
        public URI authorizationUrl(AuthorizationRequest request) {
          return URI.create("http://localhost/authorize");
        }

        @Override
        public TokenSet exchangeCode(String code, String codeVerifier, URI redirectUri) {
          throw new UnsupportedOperationException();
        }

        @Override
        public TokenSet refresh(TokenSet current) {
          synchronized (FakeProvider.this) {
            checkGrant();
          }
          return new TokenSet(
              "access-" + nextId++,
              Optional.of("refresh-" + nextId++),
              Instant.parse("2100-01-01T00:00:00Z"),
              Set.of(),
              Optional.empty());
        }

        @Override
        public void revoke(TokenSet tokens) {}
      };

  /** Ids of the written records with their markers (for assertions). */
  synchronized List<String> markers() {
    List<String> out = new ArrayList<>();
    records.values().forEach(s -> s.ref().provenanceMarker().ifPresent(out::add));
    return out;
  }
}
