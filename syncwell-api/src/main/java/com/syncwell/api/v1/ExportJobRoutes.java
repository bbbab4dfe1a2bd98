package com.syncwell.api.v1;

import com.syncwell.api.http.ApiRequest;
import com.syncwell.api.http.ApiResponse;
import com.syncwell.api.http.PathTemplate;
import com.syncwell.api.http.Route;
import com.syncwell.engine.account.AccountBeingErased;
import com.syncwell.engine.account.ExportDocument;
import com.syncwell.engine.account.ExportFound;
import com.syncwell.engine.account.ExportNotFound;
import com.syncwell.engine.account.ExportRequested;
import com.syncwell.engine.account.GetExport;
import com.syncwell.engine.account.RequestExport;
import com.syncwell.engine.store.ExportRequest;
import java.util.List;

/**
 * Data export (GDPR access and portability): {@code POST /v1/export-jobs} (no body, a required
 * {@code Idempotency-Key}) → 202 {@code {exportId, status: "READY", requestedAt, expiresAt}} and
 * {@code Location}; {@code GET /v1/export-jobs/{id}} → the same and the {@link ExportDocument},
 * assembled from the table at the time of the read. Requests are kept 7 days; another user's export
 * is 404 like a missing one.
 *
 * <p>The status is {@code READY} at once because nothing is produced in the background: the
 * document is read on demand. It exists so that a producer running elsewhere could add {@code
 * PENDING} later without changing the shape.
 */
public final class ExportJobRoutes {
  static final String READY = "READY";

  private final RequestExport requestExport;
  private final GetExport getExport;

  public ExportJobRoutes(RequestExport requestExport, GetExport getExport) {
    this.requestExport = requestExport;
    this.getExport = getExport;
  }

  record AcceptedView(String exportId, String status, String requestedAt, String expiresAt) {
    static AcceptedView of(ExportRequest r) {
      return new AcceptedView(
          r.exportId(), READY, r.requestedAt().toString(), r.expiresAt().toString());
    }
  }

  record ExportView(
      String exportId,
      String status,
      String requestedAt,
      String expiresAt,
      ExportDocument document) {}

  public List<Route> routes() {
    return List.of(
        new Route(
            "POST",
            PathTemplate.parse("/v1/export-jobs"),
            Route.Access.USER,
            Route.Body.NONE,
            Route.Idempotency.REQUIRED,
            this::request),
        Route.user("GET", "/v1/export-jobs/{id}", this::get));
  }

  private ApiResponse request(ApiRequest request) {
    return switch (requestExport.request(request.user())) {
      case ExportRequested r ->
          ApiResponse.json(202, AcceptedView.of(r.export()))
              .withHeader("Location", "/v1/export-jobs/" + r.export().exportId());
      case AccountBeingErased e -> Refusals.problem(e).toResponse(request.correlationId());
    };
  }

  private ApiResponse get(ApiRequest request) {
    String id = request.pathParam("id");
    if (!Input.isId(id)) {
      return Refusals.problem(new ExportNotFound(id)).toResponse(request.correlationId());
    }
    return switch (getExport.get(request.user(), id)) {
      case ExportFound f -> {
        ExportRequest r = f.export();
        yield ApiResponse.json(
            200,
            new ExportView(
                r.exportId(),
                READY,
                r.requestedAt().toString(),
                r.expiresAt().toString(),
                f.document()));
      }
      case ExportNotFound n -> Refusals.problem(n).toResponse(request.correlationId());
    };
  }
}
