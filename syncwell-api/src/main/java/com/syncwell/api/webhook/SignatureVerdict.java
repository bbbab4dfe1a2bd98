package com.syncwell.api.webhook;

/** What {@link PublishedKeyset#verify} found. */
enum SignatureVerdict {
  /** A key of the published keyset signed exactly these bytes. */
  VALID,
  /** Malformed, unknown key, or a signature over other bytes. */
  INVALID,
  /** No keyset was ever fetched, so nothing can be verified; the provider should retry. */
  KEYS_UNAVAILABLE
}
