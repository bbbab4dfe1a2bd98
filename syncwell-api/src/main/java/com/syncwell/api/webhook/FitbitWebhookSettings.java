package com.syncwell.api.webhook;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the Google Health API subscriber ({@code SYNCWELL_FITBIT_WEBHOOK_SECRET}, {@code
 * SYNCWELL_FITBIT_WEBHOOK_KEYSET_URL}).
 *
 * @param secret the whole {@code Authorization} value Google sends (e.g. {@code Bearer ...});
 *     absent: webhooks are not configured and the receiver answers 404
 * @param keysetUrl where the public Tink keyset that signs notifications is published
 */
public record FitbitWebhookSettings(Optional<SharedSecret> secret, URI keysetUrl) {
  /** Google's published keyset, used when no URL is configured. */
  public static final URI GOOGLE_KEYSET_URL =
      URI.create("https://www.gstatic.com/googlehealthapi/webhooks/webhooks_public_keyset.json");

  public FitbitWebhookSettings {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(keysetUrl, "keysetUrl");
  }

  /** From the raw settings; an empty or absent secret means "not configured". */
  public static FitbitWebhookSettings of(Optional<String> secret, Optional<URI> keysetUrl) {
    return new FitbitWebhookSettings(
        secret.filter(s -> !s.isEmpty()).map(SharedSecret::new),
        keysetUrl.orElse(GOOGLE_KEYSET_URL));
  }
}
