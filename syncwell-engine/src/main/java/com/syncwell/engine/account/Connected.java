package com.syncwell.engine.account;

import com.syncwell.engine.store.Connection;
import java.util.Objects;

/**
 * The provider account is connected: a new connection ({@code created}) or, for an account the user
 * had connected before, that connection with the new grant, ACTIVE again.
 */
public record Connected(Connection connection, boolean created)
    implements CompleteAuthorizationOutcome {
  public Connected {
    Objects.requireNonNull(connection, "connection");
  }
}
