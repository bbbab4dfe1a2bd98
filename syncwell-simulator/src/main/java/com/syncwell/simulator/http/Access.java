package com.syncwell.simulator.http;

/** What a route needs before its handler runs. */
public enum Access {
  /** No credentials (OAuth endpoints, handshakes, public keysets, admin). */
  OPEN,
  /** A provider access token; counts against the provider's read quota. */
  READ,
  /** A provider access token; counts against the provider's overall quota only. */
  WRITE
}
