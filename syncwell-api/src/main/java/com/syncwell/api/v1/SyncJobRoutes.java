package com.syncwell.api.v1;

import com.syncwell.api.http.ApiRequest;
import com.syncwell.api.http.ApiResponse;
import com.syncwell.api.http.Problem;
import com.syncwell.api.http.ProblemException;
import com.syncwell.api.http.Route;
import com.syncwell.engine.account.ConnectionNotFound;
import com.syncwell.engine.account.DateRange;
import com.syncwell.engine.account.GetSyncJob;
import com.syncwell.engine.account.ListSyncJobs;
import com.syncwell.engine.account.Refusal;
import com.syncwell.engine.account.RequestSync;
import com.syncwell.engine.account.SyncConfigNotFound;
import com.syncwell.engine.account.SyncJobFound;
import com.syncwell.engine.account.SyncJobNotFound;
import com.syncwell.engine.account.SyncJobPage;
import com.syncwell.engine.account.SyncOfConfig;
import com.syncwell.engine.account.SyncOfPair;
import com.syncwell.engine.account.SyncRequest;
import com.syncwell.engine.account.SyncRequested;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobProgress;
import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.RecordFailure;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Sync jobs: {@code POST /v1/sync-jobs} ({@code {syncConfigId}} or an ad-hoc route {@code
 * {sourceConnectionId, destinationConnectionId, dataType, mode, dateRange?}}, with a required
 * {@code Idempotency-Key}) → 202 {@code {jobId, status: "QUEUED"}} and {@code Location}; {@code GET
 * /v1/sync-jobs/{id}} (status, progress, report); {@code GET /v1/sync-jobs?limit&pageToken} (newest
 * first, cursor pagination).
 */
public final class SyncJobRoutes {
  static final int DEFAULT_LIMIT = 20;

  private final RequestSync requestSync;
  private final GetSyncJob getSyncJob;
  private final ListSyncJobs listSyncJobs;

  public SyncJobRoutes(RequestSync requestSync, GetSyncJob getSyncJob, ListSyncJobs listSyncJobs) {
    this.requestSync = requestSync;
    this.getSyncJob = getSyncJob;
    this.listSyncJobs = listSyncJobs;
  }

  record DateRangeBody(String from, String to) {}

  record RequestBody(
      String syncConfigId,
      String sourceConnectionId,
      String destinationConnectionId,
      String dataType,
      String mode,
      DateRangeBody dateRange) {}

  record AcceptedView(String jobId, String status, String syncConfigId) {}

  record ProgressView(long listed, long skipped, long written, long failed) {
    static ProgressView of(JobProgress p) {
      return new ProgressView(p.listed(), p.skipped(), p.written(), p.failed());
    }
  }

  record FailureView(String sourceItemId, String reason) {
    static FailureView of(RecordFailure f) {
      return new FailureView(f.sourceItemId(), f.reason());
    }
  }

  record ReportView(
      long listed,
      long duplicatesSkipped,
      long conflictsSourceWon,
      long conflictsDestinationWon,
      long hydrated,
      long written,
      long failed,
      List<FailureView> failures,
      long providerCalls,
      long providerBytes) {
    static ReportView of(JobReport r) {
      return new ReportView(
          r.listed(),
          r.duplicatesSkipped(),
          r.conflictsSourceWon(),
          r.conflictsDestinationWon(),
          r.hydrated(),
          r.written(),
          r.failed(),
          r.failures().stream().map(FailureView::of).toList(),
          r.providerCalls(),
          r.providerBytes());
    }
  }

  record JobView(
      String jobId,
      String syncConfigId,
      String trigger,
      String status,
      ProgressView progress,
      ReportView report,
      String failureReason,
      String createdAt,
      String updatedAt) {
    static JobView of(Job j) {
      return new JobView(
          j.jobId(),
          j.configId(),
          j.trigger().name(),
          j.status().name(),
          ProgressView.of(j.progress()),
          j.report().map(ReportView::of).orElse(null),
          j.failureReason().orElse(null),
          j.createdAt().toString(),
          j.updatedAt().toString());
    }
  }

  record JobList(List<JobView> items, String nextPageToken) {}

  public List<Route> routes() {
    return List.of(
        Route.user("POST", "/v1/sync-jobs", this::request)
            .requiringIdempotencyKey()
            .answeringInItsCommit(),
        Route.user("GET", "/v1/sync-jobs", this::list),
        Route.user("GET", "/v1/sync-jobs/{id}", this::get));
  }

  private ApiResponse request(ApiRequest request) {
    RequestBody body = request.bodyAs(RequestBody.class);
    SyncRequest sync = syncRequest(body);
    return switch (requestSync.request(
        request.user(),
        sync,
        request.correlationId(),
        job -> request.responseRecord().record(accepted(job)))) {
      case SyncRequested r -> accepted(r.job());
      case SyncConfigNotFound n ->
          Refusals.problem(n).withField("syncConfigId").toResponse(request.correlationId());
      case ConnectionNotFound n ->
          Refusals.problem(n)
              .withField(
                  n.connectionId().equals(body.sourceConnectionId())
                      ? "sourceConnectionId"
                      : "destinationConnectionId")
              .toResponse(request.correlationId());
      case Refusal r -> Refusals.problem(r).toResponse(request.correlationId());
    };
  }

  /** 202 for a queued job; recorded as the idempotent answer in the commit that creates the job. */
  private static ApiResponse accepted(Job job) {
    return ApiResponse.json(202, new AcceptedView(job.jobId(), job.status().name(), job.configId()))
        .withHeader("Location", "/v1/sync-jobs/" + job.jobId());
  }

  private static SyncRequest syncRequest(RequestBody body) {
    boolean anyPairField =
        body.sourceConnectionId() != null
            || body.destinationConnectionId() != null
            || body.dataType() != null
            || body.mode() != null
            || body.dateRange() != null;
    if (body.syncConfigId() != null) {
      if (anyPairField) {
        throw new ProblemException(
            Problem.badField(
                "conflicting_fields",
                "syncConfigId",
                "Send either syncConfigId or a source, destination and data type, not both."));
      }
      return new SyncOfConfig(body.syncConfigId());
    }
    if (!anyPairField) {
      throw new ProblemException(
          Problem.badField(
              "missing_field",
              "syncConfigId",
              "Send syncConfigId, or sourceConnectionId, destinationConnectionId, dataType"
                  + " and mode."));
    }
    return new SyncOfPair(
        Input.required(body.sourceConnectionId(), "sourceConnectionId"),
        Input.required(body.destinationConnectionId(), "destinationConnectionId"),
        Input.required(body.dataType(), "dataType"),
        Input.required(body.mode(), "mode"),
        Optional.ofNullable(body.dateRange()).map(SyncJobRoutes::dateRange));
  }

  private static DateRange dateRange(DateRangeBody body) {
    return new DateRange(
        date(Input.required(body.from(), "dateRange.from"), "dateRange.from"),
        date(Input.required(body.to(), "dateRange.to"), "dateRange.to"));
  }

  private static LocalDate date(String value, String field) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ProblemException(
          Problem.badField(
              "invalid_field", field, "Field '" + field + "' must be a date like 2026-01-31."));
    }
  }

  private ApiResponse get(ApiRequest request) {
    String id = request.pathParam("id");
    if (!Input.isId(id)) {
      return Refusals.problem(new SyncJobNotFound(id)).toResponse(request.correlationId());
    }
    return switch (getSyncJob.get(request.user(), id)) {
      case SyncJobFound f -> ApiResponse.json(200, JobView.of(f.job()));
      case SyncJobNotFound n -> Refusals.problem(n).toResponse(request.correlationId());
    };
  }

  private ApiResponse list(ApiRequest request) {
    int limit = limit(request.queryParam("limit"));
    Optional<String> pageToken = request.queryParam("pageToken");
    return switch (listSyncJobs.list(request.user(), limit, pageToken)) {
      case SyncJobPage page ->
          ApiResponse.json(
              200,
              new JobList(
                  page.jobs().stream().map(JobView::of).toList(),
                  page.nextPageToken().orElse(null)));
      case Refusal r -> Refusals.problem(r).toResponse(request.correlationId());
    };
  }

  private static int limit(Optional<String> raw) {
    if (raw.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    String s = raw.get();
    if (s.matches("[0-9]{1,3}")) {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= ListSyncJobs.MAX_LIMIT) {
        return n;
      }
    }
    throw new ProblemException(
        Problem.badField(
            "invalid_field",
            "limit",
            "Query parameter 'limit' must be 1 to " + ListSyncJobs.MAX_LIMIT + "."));
  }
}
