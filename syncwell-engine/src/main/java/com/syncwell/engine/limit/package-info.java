/**
 * Rate limiting inside one process: {@link com.syncwell.engine.limit.LocalRateLimiter}, the
 * embedded adapter of the {@link com.syncwell.engine.port.limit.RateLimiter} port (Bucket4j token
 * buckets in a bounded Caffeine map). A scale-out deployment uses a shared adapter instead.
 */
package com.syncwell.engine.limit;
