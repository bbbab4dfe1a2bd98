package com.syncwell.api.webhook;

import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the Strava push subscription ({@code SYNCWELL_STRAVA_WEBHOOK_VERIFY_TOKEN}, {@code
 * SYNCWELL_STRAVA_SUBSCRIPTION_ID}).
 *
 * @param verifyToken the token given when the subscription was created; absent: the validation
 *     request is answered 404
 * @param subscriptionId the subscription's id, which every event carries; absent: events are
 *     answered 404
 */
public record StravaWebhookSettings(
    Optional<SharedSecret> verifyToken, Optional<String> subscriptionId) {
  public StravaWebhookSettings {
    Objects.requireNonNull(verifyToken, "verifyToken");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
  }

  /** From the raw settings; empty values count as absent. */
  public static StravaWebhookSettings of(
      Optional<String> verifyToken, Optional<String> subscriptionId) {
    return new StravaWebhookSettings(
        verifyToken.filter(s -> !s.isEmpty()).map(SharedSecret::new),
        subscriptionId.map(String::strip).filter(s -> !s.isEmpty()));
  }
}
