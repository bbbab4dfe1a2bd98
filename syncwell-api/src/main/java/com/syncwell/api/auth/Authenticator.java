package com.syncwell.api.auth;

/**
 * Turns the value of an {@code Authorization} header into a SyncWell user, or a reason to refuse.
 *
 * <p><b>Threading:</b> safe for concurrent use; called on every authenticated request, so the
 * common case (a token seen before) must not do network I/O or signature checks. <b>Never</b>
 * throws for a bad token: every refusal is an {@link AuthOutcome.Rejected} with a stable {@link
 * AuthFailure}.
 */
public interface Authenticator {

  /**
   * @param authorizationHeader the header's raw value ({@code "Bearer eyJ..."}), or null when the
   *     request had none
   */
  AuthOutcome authenticate(String authorizationHeader);
}
