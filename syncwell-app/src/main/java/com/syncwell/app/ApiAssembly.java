package com.syncwell.app;

import com.syncwell.api.ApiDependencies;
import com.syncwell.api.ApiServer;
import com.syncwell.api.ApiUseCases;
import com.syncwell.api.auth.Authenticator;
import com.syncwell.api.auth.DevIssuer;
import com.syncwell.api.auth.JwtAuthenticator;
import com.syncwell.api.http.RateSettings;
import com.syncwell.api.metrics.MeteredWebhookReceiver;
import com.syncwell.api.webhook.FitbitWebhookReceiver;
import com.syncwell.api.webhook.FitbitWebhookSettings;
import com.syncwell.api.webhook.StravaWebhookReceiver;
import com.syncwell.api.webhook.StravaWebhookSettings;
import com.syncwell.api.webhook.WebhookReceiver;
import com.syncwell.app.config.AuthSettings;
import com.syncwell.app.config.InvalidSetting;
import com.syncwell.app.config.Secret;
import com.syncwell.app.config.Settings;
import com.syncwell.engine.sync.RequestSyncJob;
import com.syncwell.engine.sync.RequestSyncOnProviderChange;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Builds the HTTP API over a {@link Platform}: the authenticator for the identity providers the
 * settings enable (and the dev issuer where allowed), the platform's rate limiter, the webhook
 * receivers, the use cases, the platform's metrics registry. The caller starts and stops the
 * server.
 */
public final class ApiAssembly {
  private ApiAssembly() {}

  /**
   * @param devByDefault whether the dev issuer is on when {@code SYNCWELL_AUTH_DEV} is unset (dev
   *     and demo: yes; serve: no)
   * @throws InvalidSetting when no identity provider is enabled
   */
  public static ApiServer build(
      Platform platform, Settings settings, Clock clock, boolean devByDefault) {
    RequestSyncOnProviderChange changes =
        new RequestSyncOnProviderChange(
            platform.configs(),
            platform.table(),
            new RequestSyncJob(
                platform.jobs(),
                platform.queue(),
                platform.commits(),
                platform.syncMetrics().requests()),
            clock);
    var rates = settings.rates();
    ApiDependencies deps =
        new ApiDependencies(
            platform.table(),
            platform.queue(),
            ApiUseCases.wire(
                platform.table(),
                platform.queue(),
                platform.connectors(),
                platform.cipher(),
                platform.stateSigner(),
                clock,
                platform.syncMetrics().requests(),
                platform.commits()),
            authenticator(platform, settings.auth(), clock, devByDefault),
            platform.rateLimiter(),
            new RateSettings(
                rates.userPerSecond(),
                rates.userBurst(),
                rates.ipPer5Minutes(),
                rates.trustedProxies()),
            List.of(
                metered(
                    platform,
                    new FitbitWebhookReceiver(
                        FitbitWebhookSettings.of(
                            settings.fitbitWebhookSecret().map(Secret::value),
                            settings.fitbitWebhookKeysetUrl()),
                        platform.connections(),
                        changes,
                        clock)),
                metered(
                    platform,
                    new StravaWebhookReceiver(
                        StravaWebhookSettings.of(
                            settings.stravaWebhookVerifyToken().map(Secret::value),
                            settings.stravaSubscriptionId()),
                        platform.connections(),
                        changes))),
            clock,
            platform.meters(),
            settings.adminToken());
    return new ApiServer(deps);
  }

  private static WebhookReceiver metered(Platform platform, WebhookReceiver receiver) {
    return new MeteredWebhookReceiver(receiver, platform.meters());
  }

  /** Whether the dev issuer is on for these settings. */
  public static boolean devIssuerEnabled(AuthSettings auth, boolean devByDefault) {
    return auth.devIssuer().orElse(devByDefault);
  }

  private static Authenticator authenticator(
      Platform platform, AuthSettings auth, Clock clock, boolean devByDefault) {
    JwtAuthenticator.Builder builder = JwtAuthenticator.builder(clock);
    auth.firebaseProjectId().ifPresent(id -> builder.firebase(id, auth.firebaseJwksUrl()));
    if (auth.cognitoIssuer().isPresent() && auth.cognitoClientId().isPresent()) {
      String issuer = auth.cognitoIssuer().get().toString();
      Optional<java.net.URI> jwks = auth.cognitoJwksUrl();
      if (jwks.isPresent()) {
        builder.cognito(issuer, auth.cognitoClientId().get(), jwks.get());
      } else {
        builder.cognito(issuer, auth.cognitoClientId().get());
      }
    }
    if (devIssuerEnabled(auth, devByDefault)) {
      builder.dev(DevIssuer.openOrCreate(platform.dataDir(), clock));
    }
    try {
      return builder.build();
    } catch (IllegalStateException e) {
      throw new InvalidSetting(
          "SYNCWELL_AUTH_FIREBASE_PROJECT_ID",
          "no identity provider is enabled: set it, or SYNCWELL_AUTH_COGNITO_ISSUER and"
              + " SYNCWELL_AUTH_COGNITO_CLIENT_ID, or SYNCWELL_AUTH_DEV=true");
    } catch (IllegalArgumentException e) {
      throw new InvalidSetting("SYNCWELL_AUTH_*", e.getMessage());
    }
  }
}
