package com.syncwell.api.http;

import java.util.function.Function;

/** Applies {@code Idempotency-Key} around a handler. */
public final class IdempotencyGate {
  public static final String HEADER = "Idempotency-Key";

  public ApiResponse run(ApiRequest request, Function<ApiRequest, ApiResponse> handler) {
    if (request.route().idempotency() == Route.Idempotency.REQUIRED
        && request.header(HEADER).isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  400,
                  "idempotency_key_required",
                  "This request needs an Idempotency-Key header (1 to 255 printable characters).")
              .with("field", HEADER));
    }
    return handler.apply(request);
  }
}
