/**
 * Tracing with the OpenTelemetry API only (ADR 0006): spans of the engine's work and the W3C trace
 * context ({@code traceparent}, {@code tracestate}) carried through the job queue as message
 * attributes. Without an installed SDK (the application installs one when {@code
 * OTEL_EXPORTER_OTLP_ENDPOINT} is set) every span is a no-op that still passes the context on.
 */
package com.syncwell.engine.trace;
