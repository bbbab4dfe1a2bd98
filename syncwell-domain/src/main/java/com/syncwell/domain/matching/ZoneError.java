package com.syncwell.domain.matching;

/**
 * The ways a provider gets a start's zone wrong, each shifting the instant by an amount the offsets
 * explain. With {@code oS}, {@code oD} the offsets of the source and destination starts and {@code
 * Δ} the destination start minus the source start on the time line:
 */
public enum ZoneError {
  /**
   * Both starts show the same local clock time under different offsets: {@code Δ = oS − oD}. A
   * naive local time stored with {@code +00:00} (or any default offset) against a zoned one; the
   * ambiguous hour when clocks go back, resolved to the other offset; an offset truncated to the
   * whole hour ({@code +05:45} stored as {@code +05:00}).
   */
  SAME_LOCAL_TIME,

  /**
   * One side's instant is the local clock time read as if it were UTC (or a UTC time read as if it
   * were local), whatever offset it carries now: {@code Δ = ±oS} or {@code Δ = ±oD}. A provider
   * that stores local time as UTC and renders it in the user's zone. Since the offsets may agree,
   * this kind also needs the ends to line up after the correction: the whole recording moved.
   */
  SHIFTED_BY_OFFSET
}
