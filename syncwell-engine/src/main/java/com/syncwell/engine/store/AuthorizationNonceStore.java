package com.syncwell.engine.store;

import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.Written;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The nonces of OAuth states already redeemed ({@code USER#{userId}} / {@code OAUTHSTATE#{nonce}}),
 * so that a state completes at most one authorization. Each entry expires with the state it belongs
 * to (table TTL); after that the state itself is refused as expired.
 */
public final class AuthorizationNonceStore {
  private static final String SORT_PREFIX = "OAUTHSTATE#";

  private final MetadataTable table;
  private final Clock clock;

  public AuthorizationNonceStore(MetadataTable table, Clock clock) {
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Records the nonce as used until {@code keepUntil} (put-if-absent). True for the first use;
   * false when it was recorded before and has not expired: a replay. Of two concurrent calls
   * exactly one gets true.
   */
  public boolean recordFirstUse(String userId, String nonce, Instant keepUntil) {
    Objects.requireNonNull(keepUntil, "keepUntil");
    Item item =
        Item.builder(key(userId, nonce))
            .set("kind", "OAUTH_STATE")
            .set("usedAt", clock.instant().toString())
            .expiresAt(keepUntil)
            .build();
    return table.putIfAbsent(item) instanceof Written;
  }

  /**
   * Forgets a recorded use, so that the same state may be redeemed again: for an authorization that
   * failed before anything was connected, for a reason that may pass (the provider was
   * unavailable). Nothing happens when there is no record.
   */
  public void forget(String userId, String nonce) {
    table
        .get(key(userId, nonce))
        .ifPresent(stored -> table.deleteIfVersion(stored.key(), stored.version()));
  }

  private static ItemKey key(String userId, String nonce) {
    return ItemKey.of(UserKeys.partition(userId), SORT_PREFIX + UserKeys.requireId("nonce", nonce));
  }
}
