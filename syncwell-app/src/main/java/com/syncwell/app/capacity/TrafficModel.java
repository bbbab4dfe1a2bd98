package com.syncwell.app.capacity;

import static com.syncwell.app.capacity.Assumption.CACHE_OPS_PER_REQUEST;
import static com.syncwell.app.capacity.Assumption.CACHE_OPS_PER_SYNC;
import static com.syncwell.app.capacity.Assumption.DAILY_ACTIVE_USERS;
import static com.syncwell.app.capacity.Assumption.DB_READS_PER_REQUEST;
import static com.syncwell.app.capacity.Assumption.DB_READS_PER_SYNC;
import static com.syncwell.app.capacity.Assumption.DB_REPLICAS;
import static com.syncwell.app.capacity.Assumption.DB_WRITES_PER_SYNC;
import static com.syncwell.app.capacity.Assumption.HEAVY_PAYLOAD_KB;
import static com.syncwell.app.capacity.Assumption.HEAVY_SHARE;
import static com.syncwell.app.capacity.Assumption.PEAK_TO_AVERAGE;
import static com.syncwell.app.capacity.Assumption.REQUESTS_PER_SESSION;
import static com.syncwell.app.capacity.Assumption.SESSIONS_PER_USER_PER_DAY;
import static com.syncwell.app.capacity.Assumption.SYNCS_PER_USER_PER_DAY;
import static com.syncwell.app.capacity.Assumption.TYPICAL_PAYLOAD_KB;

/**
 * The traffic the assumptions imply. Formulas (also printed by {@code syncwell capacity}):
 *
 * <pre>
 * requests/day   = DAU × sessions/user/day × requests/session
 * average RPS    = ⌈requests/day ÷ 86,400⌉         peak RPS = peak:average × average RPS
 * syncs/day      = DAU × syncs/user/day
 * average sync/s = ⌈syncs/day ÷ 86,400⌉           peak sync/s = peak:average × average sync/s
 * write QPS      = sync/s × writes/sync; the replica applies each write again (billed = both)
 * read QPS       = RPS × reads/request + sync/s × reads/sync (primary region only)
 * cache ops/s    = RPS × ops/request + sync/s × ops/sync
 * payload/sync   = (1 − heavy share) × typical KB + heavy share × heavy KB
 * egress GB/day  = syncs/day × payload/sync (KB = 1,000 bytes, GB = 10⁹ bytes; TB = 1,000 GB)
 * </pre>
 *
 * Averages are rounded up to whole units per second, as the review did; monthly quantities use the
 * unrounded daily figures × days per month.
 */
public record TrafficModel(
    double dailyActiveUsers,
    double requestsPerDay,
    double averageRps,
    double peakRps,
    double syncsPerDay,
    double averageSyncsPerSecond,
    double peakSyncsPerSecond,
    double averageReadQps,
    double peakReadQps,
    double peakWriteQps,
    double peakReplicaWriteQps,
    double peakBilledWriteQps,
    double averageCacheOpsPerSecond,
    double peakCacheOpsPerSecond,
    double payloadKbPerSync,
    double egressGbPerDay,
    double egressTbPerMonth,
    double apiResponseGbPerDay,
    double daysPerMonth) {
  private static final double SECONDS_PER_DAY = 86_400;

  public static TrafficModel of(Assumptions a, double daysPerMonth) {
    double dau = a.get(DAILY_ACTIVE_USERS);
    double requestsPerDay = dau * a.get(SESSIONS_PER_USER_PER_DAY) * a.get(REQUESTS_PER_SESSION);
    double averageRps = Math.ceil(requestsPerDay / SECONDS_PER_DAY);
    double peakRps = a.get(PEAK_TO_AVERAGE) * averageRps;
    double syncsPerDay = dau * a.get(SYNCS_PER_USER_PER_DAY);
    double averageSyncs = Math.ceil(syncsPerDay / SECONDS_PER_DAY);
    double peakSyncs = a.get(PEAK_TO_AVERAGE) * averageSyncs;
    double peakWrites = peakSyncs * a.get(DB_WRITES_PER_SYNC);
    double peakReplicaWrites = peakWrites * a.get(DB_REPLICAS);
    double payload =
        (1 - a.get(HEAVY_SHARE)) * a.get(TYPICAL_PAYLOAD_KB)
            + a.get(HEAVY_SHARE) * a.get(HEAVY_PAYLOAD_KB);
    double egressGbPerDay = syncsPerDay * payload / 1e6;
    return new TrafficModel(
        dau,
        requestsPerDay,
        averageRps,
        peakRps,
        syncsPerDay,
        averageSyncs,
        peakSyncs,
        averageRps * a.get(DB_READS_PER_REQUEST) + averageSyncs * a.get(DB_READS_PER_SYNC),
        peakRps * a.get(DB_READS_PER_REQUEST) + peakSyncs * a.get(DB_READS_PER_SYNC),
        peakWrites,
        peakReplicaWrites,
        peakWrites + peakReplicaWrites,
        averageRps * a.get(CACHE_OPS_PER_REQUEST) + averageSyncs * a.get(CACHE_OPS_PER_SYNC),
        peakRps * a.get(CACHE_OPS_PER_REQUEST) + peakSyncs * a.get(CACHE_OPS_PER_SYNC),
        payload,
        egressGbPerDay,
        egressGbPerDay * daysPerMonth / 1000,
        requestsPerDay * a.get(Assumption.API_RESPONSE_BYTES) / 1e9,
        daysPerMonth);
  }

  public double requestsPerMonth() {
    return requestsPerDay * daysPerMonth;
  }

  public double syncsPerMonth() {
    return syncsPerDay * daysPerMonth;
  }
}
