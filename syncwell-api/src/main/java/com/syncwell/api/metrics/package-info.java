/**
 * Metrics with closed-set dimensions (ARCHITECTURE.md §10): the one list of allowed tag values
 * ({@link com.syncwell.api.metrics.MetricDimensions}), the sync-job outcomes, and decorators that
 * count what passes through the rate limiter and the webhook receivers without touching them.
 */
package com.syncwell.api.metrics;
