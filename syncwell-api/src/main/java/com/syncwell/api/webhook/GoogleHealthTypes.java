package com.syncwell.api.webhook;

import com.syncwell.domain.DataType;
import java.util.Map;
import java.util.Optional;

/**
 * Google Health API data type ids (kebab-case, as notifications name them; GOOGLE-HEALTH-API.md §4)
 * to the SyncWell data types the {@code fitbit} connector reads. Other types are not synced.
 */
final class GoogleHealthTypes {
  private static final Map<String, DataType> BY_ID =
      Map.of(
          "exercise", DataType.WORKOUT,
          "steps", DataType.STEPS,
          "sleep", DataType.SLEEP_SESSION,
          "weight", DataType.WEIGHT,
          "daily-resting-heart-rate", DataType.HEART_RATE,
          "heart-rate", DataType.HEART_RATE);

  private GoogleHealthTypes() {}

  /** The SyncWell data type of a notification's {@code dataType}; empty when not synced. */
  static Optional<DataType> of(String googleDataType) {
    return Optional.ofNullable(BY_ID.get(googleDataType));
  }
}
