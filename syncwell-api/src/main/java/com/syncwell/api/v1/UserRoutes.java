package com.syncwell.api.v1;

import com.syncwell.api.http.ApiRequest;
import com.syncwell.api.http.ApiResponse;
import com.syncwell.api.http.Route;
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
 * /v1/users/me/settings}. The user is always the token's; no path or body names one. ({@code DELETE
 * /v1/users/me}, account erasure, belongs to the GDPR issue.)
 */
public final class UserRoutes {
  private final GetProfile getProfile;
  private final UpdateSettings updateSettings;

  public UserRoutes(GetProfile getProfile, UpdateSettings updateSettings) {
    this.getProfile = getProfile;
    this.updateSettings = updateSettings;
  }

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
        Route.user("GET", "/v1/users/me/settings", this::settings),
        Route.user("PUT", "/v1/users/me/settings", this::replaceSettings));
  }

  private ApiResponse profile(ApiRequest request) {
    return ApiResponse.json(200, ProfileView.of(getProfile.get(request.user())));
  }

  private ApiResponse settings(ApiRequest request) {
    return ApiResponse.json(200, SettingsView.of(getProfile.get(request.user()).settings()));
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
    };
  }
}
