package com.syncwell.app.config;

/** Per-user token bucket and per-IP window. */
public record RateSettings(int userPerSecond, int userBurst, int ipPer5Minutes) {}
