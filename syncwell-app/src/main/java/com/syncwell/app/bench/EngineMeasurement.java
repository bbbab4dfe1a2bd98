package com.syncwell.app.bench;

import java.util.Objects;

/**
 * One benchmark on one engine: the {@link Measurement}, the requests the engine got over the
 * network per operation (0 for an embedded engine) and this JVM's CPU per operation (all threads:
 * the adapter, the client library, GC; not the CPU of an engine in another process). Both ratios
 * include the warm-up.
 */
public record EngineMeasurement(
    Measurement measurement, double remoteCallsPerOperation, double cpuMicrosPerOperation) {
  public EngineMeasurement {
    Objects.requireNonNull(measurement, "measurement");
  }
}
