/**
 * The rate-limiter port: named token buckets shared by every API node that uses the same adapter.
 */
package com.syncwell.engine.port.limit;
