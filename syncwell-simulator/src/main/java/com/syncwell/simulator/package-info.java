/**
 * The provider simulator ("LocalStack for health APIs"): one embeddable HTTP server that speaks the
 * Google Health API (as SyncWell's {@code fitbit}) and Strava, with OAuth, seeded datasets, quotas,
 * faults and webhooks. Start it with {@link com.syncwell.simulator.ProviderSimulator}.
 */
package com.syncwell.simulator;
