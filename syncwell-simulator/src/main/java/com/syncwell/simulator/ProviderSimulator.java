package com.syncwell.simulator;

import com.syncwell.simulator.control.Faults;
import com.syncwell.simulator.control.PerUserQuota;
import com.syncwell.simulator.control.SimClock;
import com.syncwell.simulator.control.StravaQuota;
import com.syncwell.simulator.data.Accounts;
import com.syncwell.simulator.google.GoogleHealthApi;
import com.syncwell.simulator.http.ProviderApi;
import com.syncwell.simulator.http.Stats;
import com.syncwell.simulator.strava.StravaApi;
import com.syncwell.simulator.webhook.NotificationSigner;
import com.syncwell.simulator.webhook.Webhooks;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provider simulator: Google Health API (as {@code fitbit}) and Strava on one port of
 * 127.0.0.1, plus {@code /_sim} admin endpoints. Embeddable: {@code try (var sim =
 * ProviderSimulator.start(SimulatorOptions.defaults())) { … sim.environment() … }}.
 */
public final class ProviderSimulator implements AutoCloseable {
  private final Javalin app;
  private final SimulatorOptions options;
  private final SimClock clock;
  private final Stats stats;
  private final Accounts accounts;
  private final Webhooks webhooks;

  private ProviderSimulator(
      Javalin app,
      SimulatorOptions options,
      SimClock clock,
      Stats stats,
      Accounts accounts,
      Webhooks webhooks) {
    this.app = app;
    this.options = options;
    this.clock = clock;
    this.stats = stats;
    this.accounts = accounts;
    this.webhooks = webhooks;
  }

  public static ProviderSimulator start(SimulatorOptions options) {
    SimClock clock = new SimClock(options.clock());
    Stats stats = new Stats();
    Faults faults = new Faults();
    Accounts accounts = new Accounts(options.seed(), clock);
    StravaQuota stravaQuota = new StravaQuota(options.stravaLimits());
    PerUserQuota googleQuota = new PerUserQuota(options.googleRequestsPerUserPerMinute());
    Webhooks webhooks = new Webhooks(new NotificationSigner(), stats, clock);
    if (options.stravaWebhookUrl() != null) {
      webhooks.strava(
          new Webhooks.StravaTarget(
              options.stravaWebhookUrl(),
              options.stravaVerifyToken(),
              options.stravaSubscriptionId()));
    }
    if (options.fitbitWebhookUrl() != null) {
      webhooks.fitbit(
          new Webhooks.FitbitTarget(options.fitbitWebhookUrl(), options.fitbitWebhookSecret()));
    }
    StravaApi strava =
        new StravaApi(
            accounts,
            clock,
            options.stravaClient(),
            stravaQuota,
            webhooks,
            options.uploadPollsUntilReady(),
            options.stravaDuplicateErrorAsLink(),
            options.stravaVerifyToken(),
            options.stravaSubscriptionId(),
            options.keepUploadedStreams());
    GoogleHealthApi google =
        new GoogleHealthApi(accounts, clock, options.fitbitClient(), googleQuota, webhooks);
    Map<String, ProviderApi> providers = new LinkedHashMap<>();
    providers.put(google.name(), google);
    providers.put(strava.name(), strava);
    AdminApi admin =
        new AdminApi(
            accounts,
            clock,
            stats,
            faults,
            stravaQuota,
            googleQuota,
            webhooks,
            strava,
            google,
            options.fitbitWebhookSecret(),
            options.stravaSubscriptionId());
    Dispatcher dispatcher = new Dispatcher(providers, admin, faults, stats, clock);
    Javalin app =
        Javalin.create(
            config -> {
              config.concurrency.useVirtualThreads = true;
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.host = "127.0.0.1";
              config.jetty.port = options.port();
              config.http.maxRequestSize = 64L * 1024 * 1024;
              for (HandlerType type :
                  new HandlerType[] {
                    HandlerType.GET,
                    HandlerType.POST,
                    HandlerType.PUT,
                    HandlerType.PATCH,
                    HandlerType.DELETE
                  }) {
                config.routes.addHttpHandler(type, "/<path>", dispatcher::handle);
              }
            });
    app.start();
    return new ProviderSimulator(app, options, clock, stats, accounts, webhooks);
  }

  public int port() {
    return app.port();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** The simulator clock; tests move it with {@link SimClock#advance}. */
  public SimClock clock() {
    return clock;
  }

  public Stats stats() {
    return stats;
  }

  public Accounts accounts() {
    return accounts;
  }

  public SimulatorOptions options() {
    return options;
  }

  /** The {@code SYNCWELL_*} settings that point a SyncWell process at this simulator. */
  public Map<String, String> environment() {
    String base = baseUrl();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SYNCWELL_FITBIT_BASE_URL", base + "/fitbit");
    env.put("SYNCWELL_FITBIT_AUTH_URL", base + "/fitbit/o/oauth2/v2/auth");
    env.put("SYNCWELL_FITBIT_TOKEN_URL", base + "/fitbit/oauth2/token");
    env.put("SYNCWELL_FITBIT_CLIENT_ID", options.fitbitClient().clientId());
    env.put("SYNCWELL_FITBIT_CLIENT_SECRET", options.fitbitClient().clientSecret());
    env.put("SYNCWELL_FITBIT_WEBHOOK_SECRET", options.fitbitWebhookSecret());
    env.put("SYNCWELL_FITBIT_WEBHOOK_KEYSET_URL", base + "/fitbit/webhooks_public_keyset.json");
    env.put("SYNCWELL_STRAVA_BASE_URL", base + "/strava/api/v3");
    env.put("SYNCWELL_STRAVA_AUTH_URL", base + "/strava/oauth/authorize");
    env.put("SYNCWELL_STRAVA_TOKEN_URL", base + "/strava/oauth/token");
    env.put("SYNCWELL_STRAVA_CLIENT_ID", options.stravaClient().clientId());
    env.put("SYNCWELL_STRAVA_CLIENT_SECRET", options.stravaClient().clientSecret());
    env.put("SYNCWELL_STRAVA_WEBHOOK_VERIFY_TOKEN", options.stravaVerifyToken());
    env.put("SYNCWELL_STRAVA_SUBSCRIPTION_ID", Long.toString(options.stravaSubscriptionId()));
    return env;
  }

  @Override
  public void close() {
    webhooks.close();
    app.stop();
  }
}
