package com.syncwell.engine.account;

import com.syncwell.domain.DataType;
import java.util.List;
import java.util.Objects;

/**
 * A provider as {@code GET /v1/providers} shows it.
 *
 * @param readable the data types SyncWell can read there, by wire name
 * @param writable the data types SyncWell can write there, by wire name
 */
public record ProviderInfo(
    String id, String displayName, List<DataType> readable, List<DataType> writable) {
  public ProviderInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    readable = List.copyOf(readable);
    writable = List.copyOf(writable);
  }
}
