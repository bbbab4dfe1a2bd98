package com.syncwell.simulator.data;

import com.syncwell.domain.TrackPoint;
import java.util.List;

/** Google's encoded polyline algorithm (precision 1e-5), as Strava's {@code summary_polyline}. */
public final class Polyline {
  private Polyline() {}

  /** Encodes about {@code maxPoints} evenly spaced positions of the track. */
  public static String encode(List<TrackPoint> track, int maxPoints) {
    List<TrackPoint> withPosition = track.stream().filter(TrackPoint::hasPosition).toList();
    if (withPosition.isEmpty()) {
      return "";
    }
    int step = Math.max(1, withPosition.size() / maxPoints);
    StringBuilder out = new StringBuilder();
    long lastLat = 0;
    long lastLng = 0;
    for (int i = 0; i < withPosition.size(); i += step) {
      TrackPoint p = withPosition.get(i);
      long lat = Math.round(p.latitude() * 1e5);
      long lng = Math.round(p.longitude() * 1e5);
      append(out, lat - lastLat);
      append(out, lng - lastLng);
      lastLat = lat;
      lastLng = lng;
    }
    return out.toString();
  }

  private static void append(StringBuilder out, long value) {
    long v = value < 0 ? ~(value << 1) : value << 1;
    while (v >= 0x20) {
      out.append((char) ((0x20 | (v & 0x1f)) + 63));
      v >>= 5;
    }
    out.append((char) (v + 63));
  }
}
