package com.syncwell.engine.store;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.AttributeValue;
import com.syncwell.engine.port.table.Deleted;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.ItemUpdate;
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
 * <p><b>Races:</b> every write is conditional (put-if-absent or version-checked) and re-reads after
 * losing, so of two callers racing for a free or expired key exactly one proceeds. Claims carry no
 * owner token, so a stalled owner whose claim was taken over can still complete it; whichever
 * completes first is replayed, later completions change nothing.
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
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      Optional<StoredItem> existing = table.get(itemKey);
      if (existing.isEmpty()) {
        if (table.putIfAbsent(claim(itemKey, requestHash, now)) instanceof Written) {
          return new IdempotencyClaim.Proceed();
        }
        continue;
      }
      StoredAttributes a = new StoredAttributes(existing.get().item(), KIND);
      boolean sameRequest = a.string("requestHash").equals(requestHash);
      if (a.string("state").equals(COMPLETE)) {
        return sameRequest
            ? new IdempotencyClaim.Replay(response(existing.get().item(), a))
            : new IdempotencyClaim.KeyReused();
      }
      if (a.instant("leaseUntil").isAfter(now)) {
        return new IdempotencyClaim.InFlight();
      }
      if (!sameRequest) {
        return new IdempotencyClaim.KeyReused();
      }
      if (table.putIfVersion(claim(itemKey, requestHash, now), existing.get().version())
          instanceof Written) {
        return new IdempotencyClaim.Proceed();
      }
    }
    throw new StorageFailure("too much contention on an idempotency record", null);
  }

  /**
   * Stores {@code response} for the claim of {@code requestHash} on {@code key}: whole when it
   * {@link StoredResponse#fitsWhole() fits}, otherwise its status only. Does nothing when there is
   * no in-flight claim of that request hash (released, expired, or already completed: the first
   * completion wins).
   */
  public void complete(String userId, String key, String requestHash, StoredResponse response) {
    ItemKey itemKey = itemKey(userId, key);
    requireHash(requestHash);
    Objects.requireNonNull(response, "response");
    StoredResponse kept =
        response.fitsWhole() ? response : StoredResponse.statusOnly(response.status());
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<StoredItem> claim = inFlightClaim(itemKey, requestHash);
      if (claim.isEmpty()) {
        return;
      }
      ItemUpdate update =
          ItemUpdate.builder()
              .set("state", COMPLETE)
              .remove("leaseUntil")
              .set("completedAt", clock.instant().toString())
              .set("status", kept.status())
              .set("contentType", kept.contentType())
              .set("headers", headers(kept.headers()))
              .set("body", AttributeValue.of(kept.body()))
              .build();
      if (table.updateIfVersion(itemKey, claim.get().version(), update) instanceof Written) {
        return;
      }
    }
    throw new StorageFailure("too much contention on an idempotency record", null);
  }

  /**
   * Deletes the in-flight claim of {@code requestHash} on {@code key}, so that the client may retry
   * the request with the same key. Does nothing when there is no such claim (a completed response
   * is never released).
   */
  public void release(String userId, String key, String requestHash) {
    ItemKey itemKey = itemKey(userId, key);
    requireHash(requestHash);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<StoredItem> claim = inFlightClaim(itemKey, requestHash);
      if (claim.isEmpty()
          || table.deleteIfVersion(itemKey, claim.get().version()) instanceof Deleted) {
        return;
      }
    }
    throw new StorageFailure("too much contention on an idempotency record", null);
  }

  private Optional<StoredItem> inFlightClaim(ItemKey itemKey, String requestHash) {
    return table
        .get(itemKey)
        .filter(
            stored -> {
              StoredAttributes a = new StoredAttributes(stored.item(), KIND);
              return a.string("state").equals(IN_FLIGHT)
                  && a.string("requestHash").equals(requestHash);
            });
  }

  private static Item claim(ItemKey itemKey, String requestHash, Instant now) {
    return Item.builder(itemKey)
        .set("kind", "IDEMPOTENCY")
        .set("requestHash", requestHash)
        .set("state", IN_FLIGHT)
        .set("claimedAt", now.toString())
        .set("leaseUntil", now.plus(IN_FLIGHT_LEASE).toString())
        .expiresAt(now.plus(RETENTION))
        .build();
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
