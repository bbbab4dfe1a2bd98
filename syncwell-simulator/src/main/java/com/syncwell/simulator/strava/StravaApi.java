package com.syncwell.simulator.strava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.connector.files.FileReadOutcome;
import com.syncwell.connector.files.WorkoutFileFormat;
import com.syncwell.connector.files.WorkoutFiles;
import com.syncwell.domain.TrackPoint;
import com.syncwell.domain.Workout;
import com.syncwell.simulator.control.StravaQuota;
import com.syncwell.simulator.data.Account;
import com.syncwell.simulator.data.Accounts;
import com.syncwell.simulator.data.Origin;
import com.syncwell.simulator.data.Person;
import com.syncwell.simulator.data.Polyline;
import com.syncwell.simulator.data.SimWorkout;
import com.syncwell.simulator.data.WorkoutFactory;
import com.syncwell.simulator.http.Access;
import com.syncwell.simulator.http.Call;
import com.syncwell.simulator.http.Json;
import com.syncwell.simulator.http.ProviderApi;
import com.syncwell.simulator.http.QuotaVerdict;
import com.syncwell.simulator.http.Reply;
import com.syncwell.simulator.http.Route;
import com.syncwell.simulator.oauth.Grant;
import com.syncwell.simulator.oauth.OAuthClient;
import com.syncwell.simulator.oauth.Redirects;
import com.syncwell.simulator.oauth.TokenStore;
import com.syncwell.simulator.webhook.Webhooks;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Strava: OAuth ({@code /strava/oauth/…}) and API v3 ({@code /strava/api/v3/…}).
 *
 * <p>Upload duplicates: the error text observed from the live API (quoted in several public
 * clients' tests and parsers, 2021–2025) is {@code "<file> duplicate of <a href='/activities/<id>'
 * target='_blank'>activity <id></a>"} (some show the title as link text); a plain {@code "duplicate
 * of activity <id>"} also appears in clients. Both forms are offered ({@link
 * com.syncwell.simulator.SimulatorOptions#stravaDuplicateErrorAsLink()}); both carry the activity
 * id.
 */
public final class StravaApi implements ProviderApi {
  private static final String API = "/strava/api/v3";
  private static final long ACCESS_SECONDS = 21_600;
  private static final Set<String> DATA_TYPES =
      Set.of("fit", "fit.gz", "tcx", "tcx.gz", "gpx", "gpx.gz");

  private final Accounts accounts;
  private final Clock clock;
  private final OAuthClient client;
  private final StravaQuota quota;
  private final Webhooks webhooks;
  private final TokenStore tokens = new TokenStore("", "");
  private final Map<Long, Upload> uploads = new ConcurrentHashMap<>();
  private final int pollsUntilReady;
  private final boolean duplicateAsLink;
  private final String verifyToken;
  private final long subscriptionId;
  private final boolean keepUploadedStreams;

  public StravaApi(
      Accounts accounts,
      Clock clock,
      OAuthClient client,
      StravaQuota quota,
      Webhooks webhooks,
      int pollsUntilReady,
      boolean duplicateAsLink,
      String verifyToken,
      long subscriptionId,
      boolean keepUploadedStreams) {
    this.keepUploadedStreams = keepUploadedStreams;
    this.accounts = accounts;
    this.clock = clock;
    this.client = client;
    this.quota = quota;
    this.webhooks = webhooks;
    this.pollsUntilReady = pollsUntilReady;
    this.duplicateAsLink = duplicateAsLink;
    this.verifyToken = verifyToken;
    this.subscriptionId = subscriptionId;
  }

  public TokenStore tokens() {
    return tokens;
  }

  @Override
  public String name() {
    return Account.STRAVA;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        route("GET", "/strava/oauth/authorize", Access.OPEN, this::authorize),
        route("POST", "/strava/oauth/token", Access.OPEN, this::token),
        route("POST", "/strava/oauth/deauthorize", Access.OPEN, this::deauthorize),
        route("GET", API + "/athlete", Access.READ, this::athlete),
        route("GET", API + "/athlete/activities", Access.READ, this::listActivities),
        route("GET", API + "/activities/{id}", Access.READ, this::activity),
        route("GET", API + "/activities/{id}/streams", Access.READ, this::streams),
        route("GET", API + "/activities/{id}/streams/{keys}", Access.READ, this::streams),
        route("POST", API + "/activities", Access.WRITE, this::createActivity),
        route("POST", API + "/uploads", Access.WRITE, this::upload),
        route("GET", API + "/uploads/{id}", Access.READ, this::uploadStatus),
        route("POST", API + "/push_subscriptions", Access.OPEN, this::subscribe),
        route("GET", API + "/push_subscriptions", Access.OPEN, this::subscriptions),
        route("DELETE", API + "/push_subscriptions/{id}", Access.OPEN, this::unsubscribe));
  }

  private Route route(
      String method, String template, Access access, com.syncwell.simulator.http.RouteHandler h) {
    return new Route(name(), method, template, access, h);
  }

  @Override
  public Reply notFound() {
    return Reply.json(404, StravaJson.fault("Record Not Found", "resource", "path", "invalid"));
  }

  @Override
  public Reply unauthorized() {
    return Reply.json(
        401, StravaJson.fault("Authorization Error", "Athlete", "access_token", "invalid"));
  }

  @Override
  public Reply throttled() {
    return Reply.json(
        429, StravaJson.fault("Rate Limit Exceeded", "Application", "rate limit", "exceeded"));
  }

  @Override
  public Reply failure(int status) {
    ObjectNode n = Json.object();
    n.put("message", status == 503 ? "Service Unavailable" : "Internal Server Error");
    n.putArray("errors");
    return Reply.json(status, n);
  }

  @Override
  public Optional<Grant> authenticate(String authorization, Instant now) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return tokens.authenticate(authorization.substring(7).trim(), now);
  }

  @Override
  public QuotaVerdict admit(Route route, Grant grant, Instant now) {
    if (route.access() == Access.OPEN) {
      return QuotaVerdict.ALLOWED;
    }
    var counted = quota.count(route.access() == Access.READ, now);
    return new QuotaVerdict(counted.getKey(), counted.getValue());
  }

  // ---- OAuth

  private Reply authorize(Call call) {
    if (!client.clientId().equals(call.query("client_id"))) {
      return Reply.json(
          400, StravaJson.fault("Bad Request", "Application", "client_id", "invalid"));
    }
    String redirect = call.query("redirect_uri");
    if (!Redirects.acceptable(redirect)) {
      return Reply.json(
          400, StravaJson.fault("Bad Request", "Application", "redirect_uri", "invalid"));
    }
    if (!"code".equals(call.query("response_type"))) {
      return Reply.json(
          400, StravaJson.fault("Bad Request", "Application", "response_type", "invalid"));
    }
    String requested = call.query("scope") == null ? "read" : call.query("scope");
    List<String> scopes = new ArrayList<>(List.of(requested.split(",")));
    if (!scopes.contains("read")) {
      scopes.add(0, "read");
    }
    String scope = String.join(",", scopes);
    String user = call.query("sim_user");
    Account account = user == null || user.isBlank() ? accounts.fresh() : accounts.named(user);
    Grant grant =
        new Grant(
            TokenStore.newId(), name(), account, client.clientId(), scope, redirect, null, true);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("state", call.query("state"));
    params.put("code", tokens.issueCode(grant, clock.instant()));
    params.put("scope", scope);
    return Reply.redirect(Redirects.with(redirect, params));
  }

  private Reply token(Call call) {
    if (!client.matches(call.form("client_id"), call.form("client_secret"))) {
      return Reply.json(
          401, StravaJson.fault("Bad Request", "Application", "client_secret", "invalid"));
    }
    Instant now = clock.instant();
    String grantType = call.form("grant_type");
    if ("authorization_code".equals(grantType)) {
      Optional<Grant> grant = tokens.redeemCode(call.form("code"), now);
      if (grant.isEmpty()) {
        return Reply.json(
            400, StravaJson.fault("Bad Request", "AuthorizationCode", "code", "invalid"));
      }
      ObjectNode body = tokenBody(grant.get(), tokens.issueRefresh(grant.get()), now);
      body.set("athlete", StravaJson.athlete(grant.get().account().person(), 2));
      return Reply.json(200, body);
    }
    if ("refresh_token".equals(grantType)) {
      String presented = call.form("refresh_token");
      Optional<Grant> grant = tokens.refreshGrant(presented);
      if (grant.isEmpty()) {
        return Reply.json(
            400, StravaJson.fault("Bad Request", "RefreshToken", "refresh_token", "invalid"));
      }
      tokens.dropRefresh(presented);
      return Reply.json(200, tokenBody(grant.get(), tokens.issueRefresh(grant.get()), now));
    }
    return Reply.json(400, StravaJson.fault("Bad Request", "Application", "grant_type", "invalid"));
  }

  private ObjectNode tokenBody(Grant grant, String refresh, Instant now) {
    Instant expires = now.plusSeconds(ACCESS_SECONDS);
    ObjectNode body = Json.object();
    body.put("token_type", "Bearer");
    body.put("expires_at", expires.getEpochSecond());
    body.put("expires_in", ACCESS_SECONDS);
    body.put("refresh_token", refresh);
    body.put("access_token", tokens.issueAccess(grant, expires));
    return body;
  }

  private Reply deauthorize(Call call) {
    String token = call.form("access_token");
    if (token == null) {
      String auth = call.header("Authorization");
      token =
          auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
              ? auth.substring(7).trim()
              : null;
    }
    Optional<Grant> grant = tokens.authenticate(token, clock.instant());
    if (grant.isEmpty()) {
      return unauthorized();
    }
    tokens.revoke(grant.get());
    webhooks.stravaEvent(
        "athlete",
        grant.get().account().person().stravaAthleteId(),
        "update",
        grant.get().account().person().stravaAthleteId(),
        Map.of("authorized", "false"));
    ObjectNode body = Json.object();
    body.put("access_token", token);
    return Reply.json(200, body);
  }

  // ---- reads

  private static Account account(Call call) {
    Grant g = call.principal();
    return g.account();
  }

  private Reply athlete(Call call) {
    return Reply.json(200, StravaJson.athlete(account(call).person(), 3));
  }

  private Reply listActivities(Call call) {
    Long before;
    Long after;
    int page;
    int perPage;
    try {
      before = longParam(call.query("before"));
      after = longParam(call.query("after"));
      page = call.query("page") == null ? 1 : Math.max(1, Integer.parseInt(call.query("page")));
      perPage = call.query("per_page") == null ? 30 : Integer.parseInt(call.query("per_page"));
    } catch (NumberFormatException e) {
      return Reply.json(400, StravaJson.fault("Bad Request", "Application", "query", "invalid"));
    }
    perPage = Math.max(1, Math.min(200, perPage));
    Account account = account(call);
    List<SimWorkout> matching = new ArrayList<>();
    for (SimWorkout w : account.strava().workouts()) {
      long start = w.start().getEpochSecond();
      if ((before == null || start < before) && (after == null || start > after)) {
        matching.add(w);
      }
    }
    // Observed behaviour: newest first, except that a request with `after` lists oldest first.
    if (after == null) {
      matching.sort(Comparator.comparing(SimWorkout::start).reversed());
    }
    ArrayNode out = Json.array();
    long from = (long) (page - 1) * perPage;
    for (long i = from; i < Math.min(matching.size(), from + perPage); i++) {
      out.add(StravaJson.summary(account.person(), matching.get((int) i), 2));
    }
    return Reply.json(200, out);
  }

  private static Long longParam(String value) {
    return value == null || value.isBlank() ? null : Long.parseLong(value.trim());
  }

  private Optional<SimWorkout> owned(Call call) {
    return account(call).strava().workout(call.param("id"));
  }

  private Reply activity(Call call) {
    Optional<SimWorkout> w = owned(call);
    if (w.isEmpty()) {
      return notFound();
    }
    Person person = account(call).person();
    String polyline =
        w.get().hasGps() ? Polyline.encode(WorkoutFactory.streams(person, w.get()), 2000) : null;
    return Reply.json(200, StravaJson.detailed(person, w.get(), polyline));
  }

  private Reply streams(Call call) {
    Optional<SimWorkout> w = owned(call);
    if (w.isEmpty()) {
      return notFound();
    }
    String keys = call.param("keys") != null ? call.param("keys") : call.query("keys");
    List<String> types = new ArrayList<>();
    if (keys != null) {
      for (String k : keys.split(",")) {
        String t = k.trim();
        if (StravaJson.STREAM_TYPES.contains(t) && !types.contains(t)) {
          types.add(t);
        }
      }
    }
    if (!types.contains("distance")) {
      types.add("distance");
    }
    List<TrackPoint> points = WorkoutFactory.streams(account(call).person(), w.get());
    boolean byType = "true".equalsIgnoreCase(call.query("key_by_type"));
    ObjectNode keyed = Json.object();
    ArrayNode array = Json.array();
    for (String type : types) {
      ArrayNode data = StravaJson.stream(type, points, w.get().start());
      if (data == null) {
        continue;
      }
      ObjectNode s = Json.object();
      if (!byType) {
        s.put("type", type);
      }
      s.set("data", data);
      s.put("series_type", "distance");
      s.put("original_size", data.size());
      s.put("resolution", "high");
      if (byType) {
        keyed.set(type, s);
      } else {
        array.add(s);
      }
    }
    return Reply.json(200, byType ? keyed : array);
  }

  // ---- writes

  private Reply createActivity(Call call) {
    JsonNode json =
        call.contentType() != null && call.contentType().startsWith("application/json")
            ? call.json()
            : null;
    String name = field(call, json, "name");
    String sportType = field(call, json, "sport_type");
    if (sportType == null) {
      sportType = field(call, json, "type");
    }
    String startLocal = field(call, json, "start_date_local");
    String elapsed = field(call, json, "elapsed_time");
    for (String[] required :
        new String[][] {
          {"name", name},
          {"sport_type", sportType},
          {"start_date_local", startLocal},
          {"elapsed_time", elapsed}
        }) {
      if (required[1] == null || required[1].isBlank()) {
        return Reply.json(400, StravaJson.fault("Bad Request", "Activity", required[0], "missing"));
      }
    }
    Account account = account(call);
    Instant start;
    int elapsedSeconds;
    double distance;
    try {
      start = parseLocal(startLocal, account.person());
      elapsedSeconds = (int) Double.parseDouble(elapsed);
      String d = field(call, json, "distance");
      distance = d == null || d.isBlank() ? 0 : Double.parseDouble(d);
    } catch (DateTimeParseException | NumberFormatException e) {
      return Reply.json(
          400, StravaJson.fault("Bad Request", "Activity", "start_date_local", "invalid"));
    }
    Grant grant = call.principal();
    Instant now = clock.instant();
    SimWorkout w =
        WorkoutFactory.explicit(
            account.person(),
            Long.toString(accounts.nextStravaId()),
            StravaJson.sport(sportType),
            name,
            start,
            elapsedSeconds,
            elapsedSeconds,
            distance,
            List.of(),
            List.of(),
            Origin.API,
            null,
            null,
            true,
            grant.clientId(),
            now);
    account.strava().put(w);
    webhooks.stravaEvent(
        "activity", Long.parseLong(w.id()), "create", account.person().stravaAthleteId(), Map.of());
    return Reply.json(201, StravaJson.detailed(account.person(), w, null));
  }

  private static String field(Call call, JsonNode json, String name) {
    if (json != null && json.hasNonNull(name)) {
      return json.get(name).asText();
    }
    return call.form(name);
  }

  private static Instant parseLocal(String value, Person person) {
    String v = value.trim();
    try {
      return OffsetDateTime.parse(v).toLocalDateTime().atZone(person.zone()).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(v).atZone(person.zone()).toInstant();
    }
  }

  private Reply upload(Call call) {
    UploadedFile file = call.file("file");
    if (file == null) {
      return Reply.json(400, StravaJson.fault("Bad Request", "Upload", "file", "empty"));
    }
    String dataType = call.form("data_type");
    if (dataType == null || !DATA_TYPES.contains(dataType)) {
      return Reply.json(400, StravaJson.fault("Bad Request", "Upload", "data_type", "invalid"));
    }
    byte[] bytes;
    try (InputStream in = file.content()) {
      bytes = in.readAllBytes();
      if (dataType.endsWith(".gz")) {
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
          bytes = gz.readAllBytes();
        }
      }
    } catch (IOException e) {
      bytes = new byte[0];
    }
    WorkoutFileFormat format =
        WorkoutFileFormat.valueOf(dataType.substring(0, 3).toUpperCase(java.util.Locale.ROOT));
    FileReadOutcome outcome =
        bytes.length == 0
            ? new FileReadOutcome.Unreadable("empty file")
            : WorkoutFiles.codec(format).read(bytes);
    String externalId = call.form("external_id");
    String fileName = file.filename() == null ? "upload." + dataType : file.filename();
    if (externalId == null || externalId.isBlank()) {
      externalId = fileName;
    }
    Grant grant = call.principal();
    Upload upload =
        new Upload(
            accounts.nextUploadId(),
            grant.account(),
            externalId,
            fileName,
            call.form("name"),
            outcome,
            grant.clientId(),
            pollsUntilReady);
    uploads.put(upload.id, upload);
    return Reply.json(201, uploadJson(upload));
  }

  private Reply uploadStatus(Call call) {
    Upload upload;
    try {
      upload = uploads.get(Long.parseLong(call.param("id")));
    } catch (NumberFormatException e) {
      upload = null;
    }
    Grant grant = call.principal();
    if (upload == null || upload.account != grant.account()) {
      return notFound();
    }
    synchronized (upload) {
      if (upload.activityId == null && upload.error == null) {
        if (upload.pollsLeft > 0) {
          upload.pollsLeft--;
        } else {
          finish(upload);
        }
      }
      return Reply.json(200, uploadJson(upload));
    }
  }

  private void finish(Upload upload) {
    try {
      process(upload);
    } finally {
      upload.outcome = null;
    }
  }

  private void process(Upload upload) {
    if (upload.outcome == null) {
      upload.error = upload.fileName + " could not be processed";
      upload.status = "There was an error processing your activity.";
      return;
    }
    if (upload.outcome instanceof FileReadOutcome.Unreadable(String reason)) {
      upload.error = upload.fileName + " " + reason;
      upload.status = "There was an error processing your activity.";
      return;
    }
    Workout workout = ((FileReadOutcome.Read) upload.outcome).workout();
    Account account = upload.account;
    Instant start = workout.start().toInstant();
    long duration = workout.duration().toSeconds();
    synchronized (account.strava()) {
      for (SimWorkout existing : account.strava().workouts()) {
        boolean sameExternal = upload.externalId.equals(existing.externalId());
        boolean sameTime =
            Math.abs(existing.start().getEpochSecond() - start.getEpochSecond()) <= 5
                && Math.abs(existing.elapsedSeconds() - duration) <= 5;
        if (sameExternal || sameTime) {
          upload.error =
              duplicateAsLink
                  ? upload.fileName
                      + " duplicate of <a href='/activities/"
                      + existing.id()
                      + "' target='_blank'>activity "
                      + existing.id()
                      + "</a>"
                  : upload.fileName + " duplicate of activity " + existing.id();
          upload.status = "There was an error processing your activity.";
          return;
        }
      }
      String title =
          upload.name != null && !upload.name.isBlank()
              ? upload.name
              : StravaJson.type(workout.sport());
      SimWorkout w =
          WorkoutFactory.explicit(
              account.person(),
              Long.toString(accounts.nextStravaId()),
              workout.sport(),
              title,
              start,
              (int) duration,
              (int) workout.movingTime().orElse(workout.duration()).toSeconds(),
              workout.distanceMetres().orElse(0),
              workout.samples(),
              keepUploadedStreams ? workout.samples() : WorkoutFactory.ends(workout.samples()),
              Origin.UPLOADED,
              upload.externalId,
              upload.id,
              false,
              upload.clientId,
              clock.instant());
      account.strava().put(w);
      upload.activityId = Long.parseLong(w.id());
      upload.status = "Your activity is ready.";
    }
    webhooks.stravaEvent(
        "activity", upload.activityId, "create", account.person().stravaAthleteId(), Map.of());
  }

  private static ObjectNode uploadJson(Upload u) {
    ObjectNode n = Json.object();
    n.put("id", u.id);
    n.put("id_str", Long.toString(u.id));
    n.put("external_id", u.externalId);
    if (u.error == null) {
      n.putNull("error");
    } else {
      n.put("error", u.error);
    }
    n.put("status", u.status);
    if (u.activityId == null) {
      n.putNull("activity_id");
    } else {
      n.put("activity_id", u.activityId);
    }
    return n;
  }

  // ---- push subscriptions

  private Reply subscribe(Call call) {
    if (!client.matches(call.form("client_id"), call.form("client_secret"))) {
      return Reply.json(
          401, StravaJson.fault("Authorization Error", "Application", "client_id", "invalid"));
    }
    if (webhooks.strava() != null) {
      return Reply.json(
          400,
          StravaJson.fault("Bad Request", "PushSubscription", "callback url", "already exists"));
    }
    String callback = call.form("callback_url");
    String token = call.form("verify_token");
    if (!Redirects.acceptable(callback) || token == null) {
      return Reply.json(
          400, StravaJson.fault("Bad Request", "PushSubscription", "callback url", "invalid"));
    }
    if (!webhooks.validateStrava(callback, token)) {
      return Reply.json(
          400,
          StravaJson.fault(
              "Bad Request",
              "PushSubscription",
              "callback url",
              "GET to callback URL does not return 200"));
    }
    webhooks.strava(new Webhooks.StravaTarget(callback, token, subscriptionId));
    ObjectNode n = Json.object();
    n.put("id", subscriptionId);
    return Reply.json(201, n);
  }

  private Reply subscriptions(Call call) {
    if (!client.matches(call.form("client_id"), call.form("client_secret"))) {
      return Reply.json(
          401, StravaJson.fault("Authorization Error", "Application", "client_id", "invalid"));
    }
    ArrayNode out = Json.array();
    Webhooks.StravaTarget t = webhooks.strava();
    if (t != null) {
      ObjectNode s = out.addObject();
      s.put("id", t.subscriptionId());
      s.put("resource_state", 2);
      s.put("application_id", Long.parseLong(client.clientId()));
      s.put("callback_url", t.callbackUrl());
      s.put("created_at", "2026-11-01T00:00:00Z");
      s.put("updated_at", "2026-11-01T00:00:00Z");
    }
    return Reply.json(200, out);
  }

  private Reply unsubscribe(Call call) {
    if (!client.matches(call.form("client_id"), call.form("client_secret"))) {
      return Reply.json(
          401, StravaJson.fault("Authorization Error", "Application", "client_id", "invalid"));
    }
    Webhooks.StravaTarget t = webhooks.strava();
    if (t == null || !Long.toString(t.subscriptionId()).equals(call.param("id"))) {
      return notFound();
    }
    webhooks.strava(null);
    return Reply.empty(204);
  }

  /** Used by {@code /_sim} data changes. */
  public void emit(Account account, SimWorkout w, String aspect, Map<String, String> updates) {
    webhooks.stravaEvent(
        "activity", Long.parseLong(w.id()), aspect, account.person().stravaAthleteId(), updates);
  }

  /** The verify token the simulator expects subscribers to use (for {@code --print-env}). */
  public String verifyToken() {
    return verifyToken;
  }
}
