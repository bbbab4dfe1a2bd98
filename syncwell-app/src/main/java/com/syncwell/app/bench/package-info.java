/**
 * Throughput benchmarks of the embedded adapters; run by {@code syncwell bench}, never by tests.
 */
package com.syncwell.app.bench;
