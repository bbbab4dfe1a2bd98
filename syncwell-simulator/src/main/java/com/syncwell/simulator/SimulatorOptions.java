package com.syncwell.simulator;

import com.syncwell.simulator.control.StravaLimits;
import com.syncwell.simulator.oauth.OAuthClient;
import java.time.Clock;
import java.util.Objects;

/**
 * How to start a {@link ProviderSimulator}. Start from {@link #defaults()} and change what you need
 * with the {@code with…} methods.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param clock the simulator's "now" (datasets, token expiry, quotas); {@code /_sim/clock} moves it
 * @param seed mixed into every person's seed; same seed and clock, same data
 * @param uploadPollsUntilReady how many {@code GET /uploads/{id}} answer "still being processed"
 * @param stravaDuplicateErrorAsLink the upload duplicate error in Strava's observed HTML-link form
 *     ({@code x.tcx duplicate of <a href='/activities/1' target='_blank'>activity 1</a>}); false
 *     gives the plain {@code x.tcx duplicate of activity 1}
 * @param keepUploadedStreams whether simulated Strava keeps the streams of uploaded files (true);
 *     false keeps only what listings show (summary, polyline, start and end points) — for scale
 *     benchmarks, where a thousand users' uploaded months of GPS would not fit the heap; their
 *     streams then hold only the start and end points
 */
public record SimulatorOptions(
    int port,
    Clock clock,
    long seed,
    OAuthClient fitbitClient,
    OAuthClient stravaClient,
    StravaLimits stravaLimits,
    int googleRequestsPerUserPerMinute,
    int uploadPollsUntilReady,
    String fitbitWebhookSecret,
    String stravaVerifyToken,
    long stravaSubscriptionId,
    String fitbitWebhookUrl,
    String stravaWebhookUrl,
    boolean stravaDuplicateErrorAsLink,
    boolean keepUploadedStreams) {

  public SimulatorOptions {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(fitbitClient, "fitbitClient");
    Objects.requireNonNull(stravaClient, "stravaClient");
    Objects.requireNonNull(stravaLimits, "stravaLimits");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535");
    }
  }

  public static SimulatorOptions defaults() {
    return new SimulatorOptions(
        0,
        Clock.systemUTC(),
        0L,
        new OAuthClient(
            "123456789012-syncwellsim.apps.googleusercontent.com", "GOCSPX-syncwell-simulator"),
        new OAuthClient("54321", "syncwell-simulator-strava-secret"),
        StravaLimits.DEFAULTS,
        300,
        2,
        "Bearer syncwell-simulator-webhook-secret",
        "syncwell-simulator-verify-token",
        120475L,
        null,
        null,
        true,
        true);
  }

  public SimulatorOptions withPort(int newPort) {
    return new SimulatorOptions(
        newPort,
        clock,
        seed,
        fitbitClient,
        stravaClient,
        stravaLimits,
        googleRequestsPerUserPerMinute,
        uploadPollsUntilReady,
        fitbitWebhookSecret,
        stravaVerifyToken,
        stravaSubscriptionId,
        fitbitWebhookUrl,
        stravaWebhookUrl,
        stravaDuplicateErrorAsLink,
        keepUploadedStreams);
  }

  public SimulatorOptions withClock(Clock newClock) {
    return new SimulatorOptions(
        port,
        newClock,
        seed,
        fitbitClient,
        stravaClient,
        stravaLimits,
        googleRequestsPerUserPerMinute,
        uploadPollsUntilReady,
        fitbitWebhookSecret,
        stravaVerifyToken,
        stravaSubscriptionId,
        fitbitWebhookUrl,
        stravaWebhookUrl,
        stravaDuplicateErrorAsLink,
        keepUploadedStreams);
  }

  public SimulatorOptions withSeed(long newSeed) {
    return new SimulatorOptions(
        port,
        clock,
        newSeed,
        fitbitClient,
        stravaClient,
        stravaLimits,
        googleRequestsPerUserPerMinute,
        uploadPollsUntilReady,
        fitbitWebhookSecret,
        stravaVerifyToken,
        stravaSubscriptionId,
        fitbitWebhookUrl,
        stravaWebhookUrl,
        stravaDuplicateErrorAsLink,
        keepUploadedStreams);
  }

  public SimulatorOptions withStravaLimits(StravaLimits limits) {
    return new SimulatorOptions(
        port,
        clock,
        seed,
        fitbitClient,
        stravaClient,
        limits,
        googleRequestsPerUserPerMinute,
        uploadPollsUntilReady,
        fitbitWebhookSecret,
        stravaVerifyToken,
        stravaSubscriptionId,
        fitbitWebhookUrl,
        stravaWebhookUrl,
        stravaDuplicateErrorAsLink,
        keepUploadedStreams);
  }

  public SimulatorOptions withGoogleRequestsPerUserPerMinute(int limit) {
    return new SimulatorOptions(
        port,
        clock,
        seed,
        fitbitClient,
        stravaClient,
        stravaLimits,
        limit,
        uploadPollsUntilReady,
        fitbitWebhookSecret,
        stravaVerifyToken,
        stravaSubscriptionId,
        fitbitWebhookUrl,
        stravaWebhookUrl,
        stravaDuplicateErrorAsLink,
        keepUploadedStreams);
  }

  public SimulatorOptions withUploadPollsUntilReady(int polls) {
    return new SimulatorOptions(
        port,
        clock,
        seed,
        fitbitClient,
        stravaClient,
        stravaLimits,
        googleRequestsPerUserPerMinute,
        polls,
        fitbitWebhookSecret,
        stravaVerifyToken,
        stravaSubscriptionId,
        fitbitWebhookUrl,
        stravaWebhookUrl,
        stravaDuplicateErrorAsLink,
        keepUploadedStreams);
  }

  public SimulatorOptions withUploadedStreamsKept(boolean keep) {
    return new SimulatorOptions(
        port,
        clock,
        seed,
        fitbitClient,
        stravaClient,
        stravaLimits,
        googleRequestsPerUserPerMinute,
        uploadPollsUntilReady,
        fitbitWebhookSecret,
        stravaVerifyToken,
        stravaSubscriptionId,
        fitbitWebhookUrl,
        stravaWebhookUrl,
        stravaDuplicateErrorAsLink,
        keep);
  }

  public SimulatorOptions withWebhooks(String fitbitUrl, String stravaUrl) {
    return new SimulatorOptions(
        port,
        clock,
        seed,
        fitbitClient,
        stravaClient,
        stravaLimits,
        googleRequestsPerUserPerMinute,
        uploadPollsUntilReady,
        fitbitWebhookSecret,
        stravaVerifyToken,
        stravaSubscriptionId,
        fitbitUrl,
        stravaUrl,
        stravaDuplicateErrorAsLink,
        keepUploadedStreams);
  }

  public SimulatorOptions withStravaDuplicateErrorAsLink(boolean asLink) {
    return new SimulatorOptions(
        port,
        clock,
        seed,
        fitbitClient,
        stravaClient,
        stravaLimits,
        googleRequestsPerUserPerMinute,
        uploadPollsUntilReady,
        fitbitWebhookSecret,
        stravaVerifyToken,
        stravaSubscriptionId,
        fitbitWebhookUrl,
        stravaWebhookUrl,
        asLink,
        keepUploadedStreams);
  }
}
