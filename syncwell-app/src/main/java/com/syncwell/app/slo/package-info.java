/**
 * The SLO view ({@code syncwell slo}): reads the Prometheus text of one or more running nodes and
 * computes the targets of ARCHITECTURE.md §1 — API availability (non-5xx share on {@code /v1/**}),
 * API p99 from the latency histogram, hot-path success (sync jobs not dead-lettered) — and the
 * error-budget burn rates against 99.95 % and 99.9 %.
 */
package com.syncwell.app.slo;
