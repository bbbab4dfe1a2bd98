package com.syncwell.api.http;

/**
 * Serves one route once the pipeline let the request through. Expected refusals are responses (a
 * problem) or a {@link ProblemException}; a {@link com.syncwell.engine.port.StorageFailure} becomes
 * 503 and any other exception 500, both without internals. Called on a virtual thread per request.
 */
@FunctionalInterface
public interface RouteHandler {
  ApiResponse handle(ApiRequest request);
}
