package com.syncwell.api.traffic;

/**
 * What {@code GET /v1/admin/traffic-profile} answers and {@code syncwell capacity --measured}
 * reads.
 *
 * @param format {@link #FORMAT}
 * @param generatedAt when (ISO-8601)
 * @param current today so far
 * @param previous the last complete day this process saw, or null
 */
public record TrafficExport(
    String format, String generatedAt, TrafficProfile current, TrafficProfile previous) {
  public static final String FORMAT = "syncwell-traffic-profile/1";
}
