package com.syncwell.api.v1;

import com.syncwell.api.http.Problem;
import com.syncwell.engine.account.AccountBeingErased;
import com.syncwell.engine.account.AuthorizationFailed;
import com.syncwell.engine.account.ConnectionNotFound;
import com.syncwell.engine.account.ConnectionNotUsable;
import com.syncwell.engine.account.DataTypeNotReadable;
import com.syncwell.engine.account.DataTypeNotWritable;
import com.syncwell.engine.account.ExportNotFound;
import com.syncwell.engine.account.InvalidField;
import com.syncwell.engine.account.InvalidPageToken;
import com.syncwell.engine.account.InvalidState;
import com.syncwell.engine.account.ProviderAccountTaken;
import com.syncwell.engine.account.ProviderUnavailable;
import com.syncwell.engine.account.Refusal;
import com.syncwell.engine.account.SameConnection;
import com.syncwell.engine.account.StateAlreadyUsed;
import com.syncwell.engine.account.StateExpired;
import com.syncwell.engine.account.SyncConfigExists;
import com.syncwell.engine.account.SyncConfigNotFound;
import com.syncwell.engine.account.SyncJobNotFound;
import com.syncwell.engine.account.UnknownProvider;
import com.syncwell.engine.account.VersionMismatch;
import java.util.Optional;

/**
 * A use case's refusal as a problem: its stable {@code code()}, an HTTP status and a detail written
 * here. Another user's resource and a missing one are the same refusal, hence the same 404.
 *
 * <table>
 *   <caption>Statuses</caption>
 *   <tr><td>400</td><td>invalid_field, invalid_page_token</td></tr>
 *   <tr><td>404</td><td>connection_not_found, sync_config_not_found, sync_job_not_found,
 *       export_not_found</td></tr>
 *   <tr><td>409</td><td>connection_needs_reauth, connection_revoked, sync_config_exists,
 *       provider_account_in_use, state_already_used, account_being_erased</td></tr>
 *   <tr><td>412</td><td>version_mismatch</td></tr>
 *   <tr><td>422</td><td>unknown_provider, same_connection, data_type_not_readable,
 *       data_type_not_writable, invalid_state, state_expired, authorization_failed</td></tr>
 *   <tr><td>503</td><td>provider_unavailable</td></tr>
 * </table>
 */
final class Refusals {
  private Refusals() {}

  static Problem problem(Refusal refusal) {
    return switch (refusal) {
      case InvalidField f ->
          Problem.badField(f.code(), f.field(), "Field '" + f.field() + "' " + f.reason() + ".");
      case InvalidPageToken t ->
          Problem.badField(t.code(), "pageToken", "The page token is not valid for this listing.");
      case ConnectionNotFound n -> Problem.of(404, n.code(), "No such connection.");
      case SyncConfigNotFound n -> Problem.of(404, n.code(), "No such sync config.");
      case SyncJobNotFound n -> Problem.of(404, n.code(), "No such sync job.");
      case ExportNotFound n -> Problem.of(404, n.code(), "No such export.");
      case AccountBeingErased e ->
          Problem.of(
              409,
              e.code(),
              "This account is being erased; once that ends, the next request starts a new"
                  + " account. If an erasure was interrupted, DELETE /v1/users/me finishes it.");
      case ConnectionNotUsable u ->
          Problem.of(409, u.code(), "The connection must be authorized again before it is used.");
      case SyncConfigExists e ->
          Problem.of(409, e.code(), "A sync config for this route and data type exists already.")
              .with("syncConfigId", e.configId());
      case ProviderAccountTaken t ->
          Problem.of(409, t.code(), "This provider account is connected to another account.");
      case StateAlreadyUsed u ->
          Problem.of(409, u.code(), "This authorization was completed already.").withField("state");
      case VersionMismatch v ->
          Problem.of(412, v.code(), "The sync config changed; read it again and retry.")
              .with("currentVersion", v.currentVersion());
      case UnknownProvider p ->
          Problem.of(422, p.code(), "No such provider is configured.").withField("provider");
      case SameConnection s ->
          Problem.of(422, s.code(), "Source and destination must be different connections.")
              .withField("destinationConnectionId");
      case DataTypeNotReadable r ->
          Problem.of(
                  422,
                  r.code(),
                  "The source provider cannot read " + r.dataType().wireName() + " data.")
              .withField("dataType");
      case DataTypeNotWritable w ->
          Problem.of(
                  422,
                  w.code(),
                  "The destination provider cannot write " + w.dataType().wireName() + " data.")
              .withField("dataType");
      case InvalidState s ->
          Problem.of(422, s.code(), "The state does not belong to this authorization.")
              .withField("state");
      case StateExpired s ->
          Problem.of(422, s.code(), "The authorization took too long; start again.")
              .withField("state");
      case AuthorizationFailed f ->
          Problem.of(422, f.code(), "The provider did not accept the authorization code.")
              .withField("code");
      case ProviderUnavailable u ->
          Problem.of(503, u.code(), "The provider is unavailable; retry shortly.");
      default -> Problem.of(422, refusal.code(), "The request was refused.");
    };
  }

  /** Seconds until {@code u} may be retried, at least 1, for {@code Retry-After}. */
  static Optional<String> retryAfter(Refusal refusal, java.time.Clock clock) {
    if (refusal instanceof ProviderUnavailable u) {
      long seconds =
          u.retryAt()
              .map(at -> java.time.Duration.between(clock.instant(), at).toSeconds() + 1)
              .orElse(1L);
      return Optional.of(Long.toString(Math.max(1, seconds)));
    }
    return Optional.empty();
  }
}
