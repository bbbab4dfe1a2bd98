/** Shared rate limiting on Redis with a local fallback. */
package com.syncwell.redis;
