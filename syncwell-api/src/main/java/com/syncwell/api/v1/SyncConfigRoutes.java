package com.syncwell.api.v1;

import com.syncwell.api.http.ApiRequest;
import com.syncwell.api.http.ApiResponse;
import com.syncwell.api.http.Problem;
import com.syncwell.api.http.Route;
import com.syncwell.engine.account.ConnectionNotFound;
import com.syncwell.engine.account.CreateSyncConfig;
import com.syncwell.engine.account.DeleteSyncConfig;
import com.syncwell.engine.account.GetSyncConfig;
import com.syncwell.engine.account.InvalidField;
import com.syncwell.engine.account.ListSyncConfigs;
import com.syncwell.engine.account.NewSyncConfig;
import com.syncwell.engine.account.Refusal;
import com.syncwell.engine.account.SyncConfigChange;
import com.syncwell.engine.account.SyncConfigCreated;
import com.syncwell.engine.account.SyncConfigDeleted;
import com.syncwell.engine.account.SyncConfigFound;
import com.syncwell.engine.account.SyncConfigNotFound;
import com.syncwell.engine.account.SyncConfigUpdated;
import com.syncwell.engine.account.UpdateSyncConfig;
import com.syncwell.engine.account.VersionMismatch;
import com.syncwell.engine.store.SyncConfig;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sync rules: {@code POST, GET /v1/sync-configs}, {@code GET, PATCH, DELETE /v1/sync-configs/{id}}.
 * Every config response carries {@code ETag: "<version>"}. PATCH is conditional: without {@code
 * If-Match} it is 428 {@code precondition_required} (RFC 6585 §3), with a tag that is not the
 * current one 412 {@code version_mismatch}. DELETE honours {@code If-Match} when sent.
 */
public final class SyncConfigRoutes {
  private final CreateSyncConfig createSyncConfig;
  private final ListSyncConfigs listSyncConfigs;
  private final GetSyncConfig getSyncConfig;
  private final UpdateSyncConfig updateSyncConfig;
  private final DeleteSyncConfig deleteSyncConfig;

  public SyncConfigRoutes(
      CreateSyncConfig createSyncConfig,
      ListSyncConfigs listSyncConfigs,
      GetSyncConfig getSyncConfig,
      UpdateSyncConfig updateSyncConfig,
      DeleteSyncConfig deleteSyncConfig) {
    this.createSyncConfig = createSyncConfig;
    this.listSyncConfigs = listSyncConfigs;
    this.getSyncConfig = getSyncConfig;
    this.updateSyncConfig = updateSyncConfig;
    this.deleteSyncConfig = deleteSyncConfig;
  }

  record SyncConfigView(
      String syncConfigId,
      String sourceConnectionId,
      String destinationConnectionId,
      String dataType,
      String strategy,
      boolean enabled,
      String nextDueAt,
      long version,
      String createdAt,
      String updatedAt) {
    static SyncConfigView of(SyncConfig c) {
      return new SyncConfigView(
          c.configId(),
          c.spec().sourceConnectionId(),
          c.spec().destinationConnectionId(),
          c.spec().dataType().wireName(),
          c.spec().strategy().wireName(),
          c.spec().enabled(),
          c.spec().nextDueAt().map(Object::toString).orElse(null),
          c.revision(),
          c.createdAt().toString(),
          c.updatedAt().toString());
    }
  }

  record SyncConfigList(List<SyncConfigView> items) {}

  record CreateBody(
      String sourceConnectionId,
      String destinationConnectionId,
      String dataType,
      String strategy,
      Boolean enabled) {}

  record PatchBody(String strategy, Boolean enabled) {}

  public List<Route> routes() {
    return List.of(
        Route.user("POST", "/v1/sync-configs", this::create),
        Route.user("GET", "/v1/sync-configs", this::list),
        Route.user("GET", "/v1/sync-configs/{id}", this::get),
        Route.user("PATCH", "/v1/sync-configs/{id}", this::patch),
        Route.user("DELETE", "/v1/sync-configs/{id}", this::delete));
  }

  private static ApiResponse withTag(int status, SyncConfig config) {
    return ApiResponse.json(status, SyncConfigView.of(config))
        .withHeader("ETag", EntityTags.of(config.revision()));
  }

  private ApiResponse create(ApiRequest request) {
    CreateBody body = request.bodyAs(CreateBody.class);
    NewSyncConfig config =
        new NewSyncConfig(
            Input.required(body.sourceConnectionId(), "sourceConnectionId"),
            Input.required(body.destinationConnectionId(), "destinationConnectionId"),
            Input.required(body.dataType(), "dataType"),
            Optional.ofNullable(body.strategy()),
            Optional.ofNullable(body.enabled()));
    return switch (createSyncConfig.create(request.user(), config)) {
      case SyncConfigCreated c ->
          withTag(201, c.config())
              .withHeader("Location", "/v1/sync-configs/" + c.config().configId());
      case ConnectionNotFound n ->
          Refusals.problem(n)
              .withField(
                  n.connectionId().equals(config.sourceConnectionId())
                      ? "sourceConnectionId"
                      : "destinationConnectionId")
              .toResponse(request.correlationId());
      case Refusal r -> Refusals.problem(r).toResponse(request.correlationId());
    };
  }

  private ApiResponse list(ApiRequest request) {
    return ApiResponse.json(
        200,
        new SyncConfigList(
            listSyncConfigs.list(request.user()).stream().map(SyncConfigView::of).toList()));
  }

  private ApiResponse get(ApiRequest request) {
    String id = request.pathParam("id");
    if (!Input.isId(id)) {
      return notFound(id, request);
    }
    return switch (getSyncConfig.get(request.user(), id)) {
      case SyncConfigFound f -> withTag(200, f.config());
      case SyncConfigNotFound n -> Refusals.problem(n).toResponse(request.correlationId());
    };
  }

  private ApiResponse patch(ApiRequest request) {
    String id = request.pathParam("id");
    if (!Input.isId(id)) {
      return notFound(id, request);
    }
    Optional<String> ifMatch = request.header("If-Match");
    if (ifMatch.isEmpty()) {
      return new Problem(
              428,
              "precondition_required",
              "Send If-Match with the sync config's ETag to change it.",
              Optional.of("If-Match"),
              java.util.Map.of())
          .toResponse(request.correlationId());
    }
    PatchBody body = request.bodyAs(PatchBody.class);
    SyncConfig current;
    switch (getSyncConfig.get(request.user(), id)) {
      case SyncConfigFound f -> current = f.config();
      case SyncConfigNotFound n -> {
        return Refusals.problem(n).toResponse(request.correlationId());
      }
    }
    if (!EntityTags.parse(ifMatch.get()).matches(current.revision())) {
      return Refusals.problem(new VersionMismatch(current.revision()))
          .toResponse(request.correlationId());
    }
    SyncConfigChange change =
        new SyncConfigChange(
            Optional.ofNullable(body.strategy()), Optional.ofNullable(body.enabled()));
    return switch (updateSyncConfig.update(request.user(), id, current.revision(), change)) {
      case SyncConfigUpdated u -> withTag(200, u.config());
      case SyncConfigNotFound n -> Refusals.problem(n).toResponse(request.correlationId());
      case VersionMismatch v -> Refusals.problem(v).toResponse(request.correlationId());
      case InvalidField f -> Refusals.problem(f).toResponse(request.correlationId());
    };
  }

  private ApiResponse delete(ApiRequest request) {
    String id = request.pathParam("id");
    if (!Input.isId(id)) {
      return notFound(id, request);
    }
    OptionalLong expected = OptionalLong.empty();
    Optional<String> ifMatch = request.header("If-Match");
    if (ifMatch.isPresent()) {
      SyncConfig current;
      switch (getSyncConfig.get(request.user(), id)) {
        case SyncConfigFound f -> current = f.config();
        case SyncConfigNotFound n -> {
          return Refusals.problem(n).toResponse(request.correlationId());
        }
      }
      if (!EntityTags.parse(ifMatch.get()).matches(current.revision())) {
        return Refusals.problem(new VersionMismatch(current.revision()))
            .toResponse(request.correlationId());
      }
      expected = OptionalLong.of(current.revision());
    }
    return switch (deleteSyncConfig.delete(request.user(), id, expected)) {
      case SyncConfigDeleted d -> ApiResponse.empty(204);
      case SyncConfigNotFound n -> Refusals.problem(n).toResponse(request.correlationId());
      case VersionMismatch v -> Refusals.problem(v).toResponse(request.correlationId());
    };
  }

  private static ApiResponse notFound(String id, ApiRequest request) {
    return Refusals.problem(new SyncConfigNotFound(id)).toResponse(request.correlationId());
  }
}
