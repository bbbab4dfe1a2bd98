package com.syncwell.connector;

import com.syncwell.connector.http.CallMeter;
import java.util.Objects;

/**
 * What a provider call needs from the caller: the connection it acts for, its credentials, and the
 * meter that counts this job's calls and bytes.
 */
public record ProviderSession(String connectionId, Credentials credentials, CallMeter meter) {
  public ProviderSession {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(meter, "meter");
  }
}
