/**
 * What the API's limits need around the {@link com.syncwell.engine.port.limit.RateLimiter} port:
 * the client address behind trusted proxies ({@link com.syncwell.api.limit.ClientAddress}) and the
 * {@code RateLimit-Policy}, {@code RateLimit} and {@code Retry-After} header values ({@link
 * com.syncwell.api.limit.RateLimitHeaders}).
 */
package com.syncwell.api.limit;
