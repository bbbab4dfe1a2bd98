package com.syncwell.simulator.data;

import java.time.Instant;
import java.time.ZoneOffset;

/** Steps counted in one interval (one minute for device data). */
public record StepsInterval(Instant start, Instant end, ZoneOffset offset, long count) {}
