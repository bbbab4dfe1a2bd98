/** Routes for operators and tools: liveness, readiness, Prometheus metrics, the API contract. */
package com.syncwell.api.ops;
