package com.syncwell.engine.store;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.AttributeValue;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.StoredItem;
import com.syncwell.engine.port.table.Written;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Idempotency records (ARCHITECTURE.md §5, §9) at {@code USER#{userId}} / {@code IDEM#{key}}: per
 * user, so the same key sent by two users is two records. A record holds the hash of the request
 * that claimed the key (the caller's digest of method, path and body) and, once that request
 * finished, its {@link StoredResponse}. Records expire {@link #RETENTION} after they were claimed
 * (table TTL); after that the key is new again.
 *
 * <p>Protocol: {@link #begin} claims the key ({@link IdempotencyClaim.Proceed}) or reports a
 * replay, a request still in flight or a key reused for another request. The owner then calls
 * {@link #complete} with its response or, when the request failed so that the client may retry,
 * {@link #release}. A claim holds for {@link #IN_FLIGHT_LEASE}; once that has run out (the owner
 * crashed or stalled) the next {@code begin} with the same request hash takes it over. Another
 * request hash never takes a key over: that request is {@link IdempotencyClaim.KeyReused} even if
 * the first one never finished.
 *
 * <p>A request whose effects are one commit of the same store can skip the claim: inside that
 * commit it claims the key and completes it at once with {@link #claimCompleted}; when that finds
 * the key taken, the caller rolls its commit back and answers as {@code begin} would have. Such a
 * key is never in flight, so a crash can leave no claim behind whose effects happened.
 *
 * <p><b>Races:</b> every write is conditional (put-if-absent or version-checked) and re-reads after
 * losing, so of two callers racing for a free or expired key exactly one proceeds. A claim is
 * fenced by the record's version ({@link IdempotencyClaim.Proceed#claimVersion()}): {@code
 * complete} and {@code release} write only while the record is still at that version, so an owner
 * that stalled past its lease and was taken over changes nothing; the new owner's response is the
 * one replayed.
 *
 * <p><b>Cost:</b> a fresh key is one conditional write to claim it and one to complete it, with no
 * read; a key seen before costs a read more. Claimed in the commit, a fresh key is one conditional
 * write that joins the caller's commit.
 *
 * <p><b>Failure:</b> a failing table throws {@link StorageFailure}; {@code begin}, {@code complete}
 * and {@code release} are safe to retry. Invalid arguments throw {@link IllegalArgumentException}.
 * Nothing here logs; the key and the hash are never in an exception message.
 */
public final class IdempotencyStore {
  /** How long a record is kept after its key was claimed. */
  public static final Duration RETENTION = Duration.ofHours(24);

  /** How long a claim holds without being completed or released before it may be taken over. */
  public static final Duration IN_FLIGHT_LEASE = Duration.ofSeconds(30);

  private static final int MAX_KEY_LENGTH = 255;
  private static final int MAX_HASH_LENGTH = 255;
  private static final int MAX_ATTEMPTS = 8;
  private static final String KIND = "idempotency";
  private static final String IN_FLIGHT = "IN_FLIGHT";
  private static final String COMPLETE = "COMPLETE";

  private final MetadataTable table;
  private final Clock clock;

  public IdempotencyStore(MetadataTable table, Clock clock) {
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Whether {@code key} is a valid {@code Idempotency-Key}: 1 to 255 printable ASCII characters
   * (0x21 to 0x7E, so no spaces).
   */
  public static boolean isValidKey(String key) {
    return isPrintableAscii(key, MAX_KEY_LENGTH);
  }

  /**
   * Claims {@code key} for the request with {@code requestHash}, or says why not.
   *
   * @return {@link IdempotencyClaim.Proceed} when the key was free, expired or held by an expired
   *     claim of the same request; {@link IdempotencyClaim.Replay} when the same request completed;
   *     {@link IdempotencyClaim.InFlight} while a live claim holds it; {@link
   *     IdempotencyClaim.KeyReused} when another request used it
   */
  public IdempotencyClaim begin(String userId, String key, String requestHash) {
    ItemKey itemKey = itemKey(userId, key);
    requireHash(requestHash);
    return claim(itemKey, requestHash, now -> inFlight(itemKey, requestHash, now));
  }

  /**
   * Claims {@code key} and completes it with {@code response} in one write, for a request that
   * records its answer in the same commit as its effects (so it never needs a claim in flight):
   * {@link IdempotencyClaim.Proceed} when {@code response} is now the key's answer, else what
   * {@link #begin} would have said for the key as it stands, and nothing was written. Inside a
   * grouped commit a caller that is not answered {@code Proceed} must roll its effects back. Kept
   * whole when it {@link StoredResponse#fitsWhole() fits}, otherwise its status only.
   */
  public IdempotencyClaim claimCompleted(
      String userId, String key, String requestHash, StoredResponse response) {
    ItemKey itemKey = itemKey(userId, key);
    requireHash(requestHash);
    Objects.requireNonNull(response, "response");
    return claim(itemKey, requestHash, now -> completed(itemKey, requestHash, now, response));
  }

  /**
   * Writes {@code record} (for the time it is written) where the key is free, or over an expired
   * claim of the same request; else reports how the key stands.
   */
  private IdempotencyClaim claim(
      ItemKey itemKey, String requestHash, Function<Instant, Item> record) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      if (table.putIfAbsent(record.apply(now)) instanceof Written w) {
        return new IdempotencyClaim.Proceed(requestHash, now, w.version());
      }
      Optional<StoredItem> existing = table.get(itemKey);
      if (existing.isEmpty()) {
        continue; // released or expired between the two calls
      }
      Optional<IdempotencyClaim> standing = standing(existing.get(), requestHash, now);
      if (standing.isPresent()) {
        return standing.get();
      }
      if (table.putIfVersion(record.apply(now), existing.get().version()) instanceof Written w) {
        return new IdempotencyClaim.Proceed(requestHash, now, w.version());
      }
    }
    throw new StorageFailure("too much contention on an idempotency record", null);
  }

  /**
   * How an existing record answers a request with {@code requestHash}; empty when that request may
   * take the record over (its own claim, in flight past its lease).
   */
  private static Optional<IdempotencyClaim> standing(
      StoredItem existing, String requestHash, Instant now) {
    StoredAttributes a = new StoredAttributes(existing.item(), KIND);
    boolean sameRequest = a.string("requestHash").equals(requestHash);
    if (a.string("state").equals(COMPLETE)) {
      return Optional.of(
          sameRequest
              ? new IdempotencyClaim.Replay(response(existing.item(), a))
              : new IdempotencyClaim.KeyReused());
    }
    if (a.instant("leaseUntil").isAfter(now)) {
      return Optional.of(new IdempotencyClaim.InFlight());
    }
    return sameRequest ? Optional.empty() : Optional.of(new IdempotencyClaim.KeyReused());
  }

  /**
   * Stores {@code response} for the claim {@code held} on {@code key}: whole when it {@link
   * StoredResponse#fitsWhole() fits}, otherwise its status only. Does nothing when the record is no
   * longer at the claim's version (released, expired, or taken over by a retry of the request after
   * the lease ran out: the new owner's response wins).
   */
  public void complete(
      String userId, String key, IdempotencyClaim.Proceed held, StoredResponse response) {
    ItemKey itemKey = itemKey(userId, key);
    Objects.requireNonNull(held, "held");
    Objects.requireNonNull(response, "response");
    Item completed = completed(itemKey, held.requestHash(), held.claimedAt(), response);
    table.putIfVersion(completed, held.claimVersion());
  }

  /**
   * Deletes the claim {@code held} on {@code key}, so that the client may retry the request with
   * the same key. Does nothing when the record is no longer at the claim's version (a completed
   * response is never released, another owner's claim is never removed).
   */
  public void release(String userId, String key, IdempotencyClaim.Proceed held) {
    ItemKey itemKey = itemKey(userId, key);
    Objects.requireNonNull(held, "held");
    table.deleteIfVersion(itemKey, held.claimVersion());
  }

  private Item completed(
      ItemKey itemKey, String requestHash, Instant claimedAt, StoredResponse response) {
    StoredResponse kept =
        response.fitsWhole() ? response : StoredResponse.statusOnly(response.status());
    return record(itemKey, requestHash, claimedAt)
        .set("state", COMPLETE)
        .set("completedAt", clock.instant().toString())
        .set("status", kept.status())
        .set("contentType", kept.contentType())
        .set("headers", headers(kept.headers()))
        .set("body", AttributeValue.of(kept.body()))
        .build();
  }

  private static Item inFlight(ItemKey itemKey, String requestHash, Instant now) {
    return record(itemKey, requestHash, now)
        .set("state", IN_FLIGHT)
        .set("leaseUntil", now.plus(IN_FLIGHT_LEASE).toString())
        .build();
  }

  /** What every state of a record holds: the request's hash, the claim time and the expiry. */
  private static Item.Builder record(ItemKey itemKey, String requestHash, Instant claimedAt) {
    return Item.builder(itemKey)
        .set("kind", "IDEMPOTENCY")
        .set("requestHash", requestHash)
        .set("claimedAt", claimedAt.toString())
        .expiresAt(claimedAt.plus(RETENTION));
  }

  private static AttributeValue headers(Map<String, String> headers) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    headers.forEach((name, value) -> values.put(name, AttributeValue.of(value)));
    return AttributeValue.of(values);
  }

  private static StoredResponse response(Item item, StoredAttributes a) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (!(item.attribute("headers").orElseThrow(() -> broken("headers"))
        instanceof AttributeValue.MapValue map)) {
      throw broken("headers");
    }
    map.values()
        .forEach(
            (name, value) -> {
              if (!(value instanceof AttributeValue.StringValue s)) {
                throw broken("headers");
              }
              headers.put(name, s.value());
            });
    return new StoredResponse(
        Math.toIntExact(a.number("status")), a.string("contentType"), headers, a.bytes("body"));
  }

  private static IllegalStateException broken(String attribute) {
    return new IllegalStateException(
        "a stored " + KIND + " item has no valid attribute '" + attribute + "'");
  }

  private static ItemKey itemKey(String userId, String key) {
    if (!isValidKey(key)) {
      throw new IllegalArgumentException(
          "an idempotency key must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters");
    }
    return ItemKey.of(UserKeys.partition(userId), "IDEM#" + key);
  }

  private static void requireHash(String requestHash) {
    if (!isPrintableAscii(requestHash, MAX_HASH_LENGTH)) {
      throw new IllegalArgumentException(
          "a request hash must be 1 to " + MAX_HASH_LENGTH + " printable ASCII characters");
    }
  }

  private static boolean isPrintableAscii(String value, int maxLength) {
    if (value == null || value.isEmpty() || value.length() > maxLength) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }
}
