package com.syncwell.connector;

import com.syncwell.domain.DataType;
import java.util.Optional;

/**
 * One provider (Fitbit through the Google Health API, Strava, ...).
 *
 * <p><b>Threading:</b> a connector and its readers, writers and OAuth client are stateless apart
 * from shared, thread-safe rate budgets and circuit breakers; one instance serves every user and
 * every thread. Per-connection state (tokens) travels in the {@link ProviderSession}.
 *
 * <p><b>Errors:</b> every call may throw a {@link ProviderException}: {@link RateLimited} (retry
 * after its time, not a failure), {@link Transient} (retry with backoff), {@link
 * AuthorizationRevoked} (the user must connect again; retrying is useless) or {@link Permanent}
 * (this request or record will never succeed). Nothing else escapes, apart from {@link
 * IllegalArgumentException} for arguments the caller got wrong.
 *
 * <p><b>Frugality:</b> provider calls are the scarcest resource of the system. Listing returns
 * metadata only; payloads are fetched one record at a time and only when needed.
 */
public interface Connector {

  ProviderDescription describe();

  /** The reader of {@code type}, when the provider lets third parties read it. */
  Optional<RecordReader> reader(DataType type);

  /** The writer of {@code type}, when the provider lets third parties write it. */
  Optional<RecordWriter> writer(DataType type);

  OAuthClient oauth();
}
