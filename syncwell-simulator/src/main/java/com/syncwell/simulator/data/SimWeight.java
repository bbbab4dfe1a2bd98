package com.syncwell.simulator.data;

import com.syncwell.domain.BodyWeight;
import java.time.Instant;

/** A stored weighing with its provider id; {@code clientId} is set for API writes. */
public record SimWeight(
    String id, BodyWeight weight, Origin origin, String clientId, Instant createTime) {}
