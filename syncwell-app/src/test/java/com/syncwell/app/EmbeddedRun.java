package com.syncwell.app;

import com.syncwell.api.ApiServer;
import com.syncwell.api.auth.DevIssuer;
import com.syncwell.app.config.Settings;
import com.syncwell.simulator.ProviderSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The whole embedded platform in this JVM for end-to-end tests: the platform on a data directory,
 * the API on a free loopback port (dev issuer on) and workers polling every 200 ms, all pointed at
 * the given simulator. The caller closes the simulator.
 */
public final class EmbeddedRun implements AutoCloseable {
  private final Path dataDir;
  private final Clock clock;
  private final Platform platform;
  private final ApiServer api;
  private final SyncRuntime sync;

  private EmbeddedRun(
      Path dataDir, Clock clock, Platform platform, ApiServer api, SyncRuntime sync) {
    this.dataDir = dataDir;
    this.clock = clock;
    this.platform = platform;
    this.api = api;
    this.sync = sync;
  }

  /**
   * @param settings extra environment on top of the simulator's and the data directory
   * @param workerId names the workers in job leases
   */
  public static EmbeddedRun start(
      Path dataDir, ProviderSimulator simulator, Map<String, String> settings, String workerId) {
    Clock clock = Clock.systemUTC();
    Map<String, String> env = new HashMap<>(simulator.environment());
    env.put("SYNCWELL_DATA_DIR", dataDir.toString());
    env.putAll(settings);
    Settings parsed = Settings.fromEnvironment(env);
    Platform platform = Platform.open(parsed, clock);
    ApiServer api = ApiAssembly.build(platform, parsed, clock, true).start("127.0.0.1", 0);
    SyncRuntime sync =
        SyncRuntime.start(
            platform,
            parsed,
            clock,
            UnaryOperator.identity(),
            SyncRuntime.workerSettings(parsed).withWaitTime(Duration.ofMillis(200)),
            false,
            true,
            workerId);
    return new EmbeddedRun(dataDir, clock, platform, api, sync);
  }

  public String base() {
    return "http://127.0.0.1:" + api.port();
  }

  /** A dev-issuer token for {@code userId}, valid 10 minutes. */
  public String token(String userId) {
    return DevIssuer.openOrCreate(dataDir, clock).mint(userId, Duration.ofMinutes(10));
  }

  public Platform platform() {
    return platform;
  }

  public ApiServer api() {
    return api;
  }

  public SyncRuntime sync() {
    return sync;
  }

  @Override
  public void close() {
    api.stop();
    sync.stop();
    platform.close();
  }
}
