package com.syncwell.simulator.data;

import com.syncwell.domain.SleepSession;
import java.time.Instant;

/** A stored sleep session with its provider id and times. */
public record SimSleep(
    String id, SleepSession session, Origin origin, Instant createTime, Instant updateTime) {}
