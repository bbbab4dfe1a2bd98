package com.syncwell.engine.store;

/** Whether a connection's tokens can be used. */
public enum ConnectionStatus {
  /** Tokens work (as far as we know). */
  ACTIVE,
  /** The provider rejected the tokens; the user must authorize again (ReAuthStatus index). */
  NEEDS_REAUTH,
  /** The user or the provider revoked the authorization. */
  REVOKED
}
