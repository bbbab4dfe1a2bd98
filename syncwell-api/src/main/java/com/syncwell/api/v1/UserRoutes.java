package com.syncwell.api.v1;

import com.syncwell.api.http.ApiRequest;
import com.syncwell.api.http.ApiResponse;
import com.syncwell.api.http.Route;
import com.syncwell.engine.account.AccountBeingErased;
import com.syncwell.engine.account.AccountErased;
import com.syncwell.engine.account.AccountErasureUnfinished;
import com.syncwell.engine.account.DeleteAccount;
import com.syncwell.engine.account.GetProfile;
import com.syncwell.engine.account.InvalidField;
import com.syncwell.engine.account.SettingsChange;
import com.syncwell.engine.account.SettingsUpdated;
import com.syncwell.engine.account.UpdateSettings;
import com.syncwell.engine.store.Profile;
import com.syncwell.engine.store.UserSettings;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1/users/me} (the caller's profile, created on the first call), {@code GET, PUT
 * /v1/users/me/settings} and {@code DELETE /v1/users/me} (account erasure, {@link DeleteAccount}).
 * The user is always the token's; no path or body names one.
 *
 * <p><b>Erasure.</b> {@code DELETE /v1/users/me} runs the erasure within the request (bounded; see
 * {@link DeleteAccount}) and answers 202 {@code {"status":"ERASED"}}, or {@code
 * {"status":"ERASING"}} when a very large account needs another {@code DELETE} to finish. While an
 * erasure is under way (or was interrupted), the profile, settings and every request that would
 * create data answer 409 {@code account_being_erased}; after it, the next request starts a new,
 * empty account. An {@code Idempotency-Key} is accepted, but its record is erased with the account,
 * so a retry runs the erasure again, which is harmless.
 */
public final class UserRoutes {
  private final GetProfile getProfile;
  private final UpdateSettings updateSettings;
  private final DeleteAccount deleteAccount;

  public UserRoutes(
      GetProfile getProfile, UpdateSettings updateSettings, DeleteAccount deleteAccount) {
    this.getProfile = getProfile;
    this.updateSettings = updateSettings;
    this.deleteAccount = deleteAccount;
  }

  record ErasureView(String status) {}

  record SettingsView(String defaultConflictStrategy, boolean notificationsEnabled) {
    static SettingsView of(UserSettings s) {
      return new SettingsView(s.defaultConflictStrategy().wireName(), s.notificationsEnabled());
    }
  }

  record ProfileView(
      String userId, String tier, SettingsView settings, String createdAt, String updatedAt) {
    static ProfileView of(Profile p) {
      return new ProfileView(
          p.userId(),
          p.tier().name(),
          SettingsView.of(p.settings()),
          p.createdAt().toString(),
          p.updatedAt().toString());
    }
  }

  /** PUT replaces the settings: both fields are required. */
  record SettingsBody(String defaultConflictStrategy, Boolean notificationsEnabled) {}

  public List<Route> routes() {
    return List.of(
        Route.user("GET", "/v1/users/me", this::profile),
        Route.user("DELETE", "/v1/users/me", this::erase),
        Route.user("GET", "/v1/users/me/settings", this::settings),
        Route.user("PUT", "/v1/users/me/settings", this::replaceSettings));
  }

  private ApiResponse profile(ApiRequest request) {
    Profile profile = getProfile.get(request.user());
    if (profile.isBeingErased()) {
      return beingErased(request);
    }
    return ApiResponse.json(200, ProfileView.of(profile));
  }

  private ApiResponse settings(ApiRequest request) {
    Profile profile = getProfile.get(request.user());
    if (profile.isBeingErased()) {
      return beingErased(request);
    }
    return ApiResponse.json(200, SettingsView.of(profile.settings()));
  }

  private ApiResponse erase(ApiRequest request) {
    return switch (deleteAccount.erase(request.user())) {
      case AccountErased erased -> ApiResponse.json(202, new ErasureView("ERASED"));
      case AccountErasureUnfinished unfinished -> ApiResponse.json(202, new ErasureView("ERASING"));
    };
  }

  private static ApiResponse beingErased(ApiRequest request) {
    return Refusals.problem(new AccountBeingErased()).toResponse(request.correlationId());
  }

  private ApiResponse replaceSettings(ApiRequest request) {
    SettingsBody body = request.bodyAs(SettingsBody.class);
    String strategy = Input.required(body.defaultConflictStrategy(), "defaultConflictStrategy");
    boolean notifications = Input.required(body.notificationsEnabled(), "notificationsEnabled");
    return switch (updateSettings.update(
        request.user(), new SettingsChange(Optional.of(strategy), Optional.of(notifications)))) {
      case SettingsUpdated updated ->
          ApiResponse.json(200, SettingsView.of(updated.profile().settings()));
      case InvalidField invalid -> Refusals.problem(invalid).toResponse(request.correlationId());
      case AccountBeingErased erasing -> beingErased(request);
    };
  }
}
