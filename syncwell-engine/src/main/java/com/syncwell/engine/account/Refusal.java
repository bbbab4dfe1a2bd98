package com.syncwell.engine.account;

/**
 * An expected refusal of a use case: the request was understood and cannot be done as asked. A
 * value, never an exception; the HTTP layer answers it with {@code application/problem+json}
 * carrying {@link #code()}.
 *
 * <p>Refusals name nothing of another user: a resource of another user is refused exactly as a
 * missing one.
 */
public interface Refusal {
  /** A stable lower_snake code ({@code connection_not_found}); clients may switch on it. */
  String code();
}
