/**
 * The process's metrics beyond the HTTP layer, wired by {@link com.syncwell.app.Platform}: sync
 * jobs (requested, runs by outcome, latency, records), provider calls (calls, bytes, 429s, circuit
 * state), queue depth gauges, and CloudWatch EMF output. Every tag value comes from {@link
 * com.syncwell.api.metrics.MetricDimensions}. The engine and the connectors know none of this: it
 * is attached through their ports and decorators.
 */
package com.syncwell.app.metrics;
