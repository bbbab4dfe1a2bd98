package com.syncwell.engine.account;

import com.syncwell.engine.store.ConnectionStatus;
import java.util.Objects;

/**
 * The connection exists but its grant cannot be used: it must be authorized again ({@code
 * connection_needs_reauth}) or was revoked ({@code connection_revoked}).
 */
public record ConnectionNotUsable(String connectionId, ConnectionStatus status)
    implements Refusal, PairRefusal {
  public ConnectionNotUsable {
    Objects.requireNonNull(connectionId, "connectionId");
    if (Objects.requireNonNull(status, "status") == ConnectionStatus.ACTIVE) {
      throw new IllegalArgumentException("an ACTIVE connection is usable");
    }
  }

  @Override
  public String code() {
    return status == ConnectionStatus.NEEDS_REAUTH
        ? "connection_needs_reauth"
        : "connection_revoked";
  }
}
