package com.syncwell.simulator.data;

import com.syncwell.domain.HeartRateDaily;

/** A stored daily resting heart rate. */
public record SimRestingHeartRate(String id, HeartRateDaily value, Origin origin) {}
