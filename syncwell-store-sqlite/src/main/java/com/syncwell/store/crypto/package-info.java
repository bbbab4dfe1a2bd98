/**
 * Crypto adapters with Tink (ARCHITECTURE.md §5, docs/adr/0003): {@link
 * com.syncwell.store.crypto.TinkTokenCipher} envelope-encrypts provider tokens under a master AEAD;
 * {@link com.syncwell.store.crypto.KeysetFile} keeps the embedded mode's master keyset in a local,
 * owner-only file; {@link com.syncwell.store.crypto.TinkStateSigner} signs OAuth states with
 * HMAC-SHA256 under a keyset of its own.
 */
package com.syncwell.store.crypto;
