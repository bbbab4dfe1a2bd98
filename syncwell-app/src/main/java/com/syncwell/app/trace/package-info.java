/**
 * The OpenTelemetry SDK of a SyncWell process (ADR 0006): none by default, an OTLP/HTTP span
 * exporter when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set. Only the application uses the SDK; the
 * engine, connectors and API use the API alone.
 */
package com.syncwell.app.trace;
