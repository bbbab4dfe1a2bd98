package com.syncwell.simulator.http;

import java.util.Map;

/** Whether a call is within the provider's quota, and the headers that tell the caller. */
public record QuotaVerdict(boolean allowed, Map<String, String> headers) {
  public static final QuotaVerdict ALLOWED = new QuotaVerdict(true, Map.of());

  public QuotaVerdict {
    headers = Map.copyOf(headers);
  }
}
