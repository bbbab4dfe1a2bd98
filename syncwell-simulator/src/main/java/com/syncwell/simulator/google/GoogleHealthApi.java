package com.syncwell.simulator.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.connector.files.WorkoutFileFormat;
import com.syncwell.connector.files.WorkoutFiles;
import com.syncwell.domain.BodyWeight;
import com.syncwell.domain.Workout;
import com.syncwell.simulator.control.PerUserQuota;
import com.syncwell.simulator.data.Account;
import com.syncwell.simulator.data.Accounts;
import com.syncwell.simulator.data.Mix;
import com.syncwell.simulator.data.Origin;
import com.syncwell.simulator.data.Person;
import com.syncwell.simulator.data.ProviderStore;
import com.syncwell.simulator.data.SimRestingHeartRate;
import com.syncwell.simulator.data.SimSleep;
import com.syncwell.simulator.data.SimWeight;
import com.syncwell.simulator.data.SimWorkout;
import com.syncwell.simulator.data.StepsInterval;
import com.syncwell.simulator.data.WorkoutFactory;
import com.syncwell.simulator.http.Access;
import com.syncwell.simulator.http.Call;
import com.syncwell.simulator.http.Json;
import com.syncwell.simulator.http.ProviderApi;
import com.syncwell.simulator.http.QuotaVerdict;
import com.syncwell.simulator.http.Reply;
import com.syncwell.simulator.http.Route;
import com.syncwell.simulator.http.RouteHandler;
import com.syncwell.simulator.oauth.Grant;
import com.syncwell.simulator.oauth.OAuthClient;
import com.syncwell.simulator.oauth.Redirects;
import com.syncwell.simulator.oauth.TokenStore;
import com.syncwell.simulator.webhook.Webhooks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Google Health API v4 and Google OAuth under {@code /fitbit}: identity, data point list (with
 * filters, newest first, opaque page tokens tied to the query), get, create, batch delete, TCX
 * export; the public webhook keyset.
 */
public final class GoogleHealthApi implements ProviderApi {
  private static final String V4 = "/fitbit/v4/users/{user}";
  private static final long ACCESS_SECONDS = 3599;
  private static final Set<String> TYPES =
      Set.of("exercise", "steps", "sleep", "weight", "daily-resting-heart-rate");
  private static final String FAMILY = "users/me/dataSourceFamilies/";

  private record Item(
      Instant sortKey,
      Instant physicalKey,
      LocalDateTime civilKey,
      Origin origin,
      String clientId,
      boolean manual,
      Supplier<ObjectNode> json) {}

  private final Accounts accounts;
  private final Clock clock;
  private final OAuthClient client;
  private final PerUserQuota quota;
  private final Webhooks webhooks;
  private final TokenStore tokens = new TokenStore("ya29.", "1//");

  public GoogleHealthApi(
      Accounts accounts, Clock clock, OAuthClient client, PerUserQuota quota, Webhooks webhooks) {
    this.accounts = accounts;
    this.clock = clock;
    this.client = client;
    this.quota = quota;
    this.webhooks = webhooks;
  }

  public TokenStore tokens() {
    return tokens;
  }

  @Override
  public String name() {
    return Account.FITBIT;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        route("GET", "/fitbit/o/oauth2/v2/auth", Access.OPEN, this::authorize),
        route("POST", "/fitbit/oauth2/token", Access.OPEN, this::token),
        route("POST", "/fitbit/oauth2/revoke", Access.OPEN, this::revoke),
        route("GET", "/fitbit/webhooks_public_keyset.json", Access.OPEN, this::keyset),
        route("GET", V4 + "/identity", Access.READ, this::identity),
        route("GET", V4 + "/dataTypes/{type}/dataPoints", Access.READ, this::list),
        route(
            "GET",
            V4 + "/dataTypes/{type}/dataPoints/{id}:exportExerciseTcx",
            Access.READ,
            this::exportTcx),
        route("GET", V4 + "/dataTypes/{type}/dataPoints/{id}", Access.READ, this::get),
        route(
            "POST",
            V4 + "/dataTypes/{type}/dataPoints:dailyRollUp",
            Access.READ,
            this::dailyRollUp),
        route("POST", V4 + "/dataTypes/{type}/dataPoints:rollUp", Access.READ, this::rollUp),
        route(
            "POST",
            V4 + "/dataTypes/{type}/dataPoints:batchDelete",
            Access.WRITE,
            this::batchDelete),
        route("POST", V4 + "/dataTypes/{type}/dataPoints", Access.WRITE, this::create));
  }

  private Route route(String method, String template, Access access, RouteHandler h) {
    return new Route(name(), method, template, access, h);
  }

  @Override
  public Reply notFound() {
    return GoogleErrors.html(404, "Not Found", "The requested URL was not found on this server.");
  }

  @Override
  public Reply unauthorized() {
    return GoogleErrors.error(
        401,
        "UNAUTHENTICATED",
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.");
  }

  @Override
  public Reply throttled() {
    return GoogleErrors.error(
        429,
        "RESOURCE_EXHAUSTED",
        "Quota exceeded: too many requests per minute for this user. Retry with exponential backoff.");
  }

  @Override
  public Reply failure(int status) {
    return status == 503
        ? GoogleErrors.error(503, "UNAVAILABLE", "The service is currently unavailable.")
        : GoogleErrors.error(500, "INTERNAL", "Internal error encountered.");
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
    if (route.access() == Access.OPEN || grant == null) {
      return QuotaVerdict.ALLOWED;
    }
    return quota.admit(grant.account().person().healthUserId(), now)
        ? QuotaVerdict.ALLOWED
        : new QuotaVerdict(false, Map.of());
  }

  // ---- OAuth

  private Reply authorize(Call call) {
    if (!client.clientId().equals(call.query("client_id"))) {
      return GoogleErrors.html(
          401,
          "invalid_client",
          "Access blocked: Error 401: invalid_client. The OAuth client was not found.");
    }
    String redirect = call.query("redirect_uri");
    if (!Redirects.acceptable(redirect)) {
      return GoogleErrors.html(
          400, "redirect_uri_mismatch", "Access blocked: Error 400: redirect_uri_mismatch.");
    }
    String state = call.query("state");
    if (!"code".equals(call.query("response_type"))) {
      return Reply.redirect(
          Redirects.with(redirect, errorParams("unsupported_response_type", state)));
    }
    String challenge = call.query("code_challenge");
    if (challenge == null
        || challenge.isBlank()
        || !"S256".equals(call.query("code_challenge_method"))) {
      return Reply.redirect(Redirects.with(redirect, errorParams("invalid_request", state)));
    }
    String scope = call.query("scope") == null ? "" : call.query("scope");
    String user = call.query("sim_user");
    Account account = user == null || user.isBlank() ? accounts.fresh() : accounts.named(user);
    boolean offline = "offline".equals(call.query("access_type"));
    boolean consent = call.query("prompt") != null && call.query("prompt").contains("consent");
    boolean refresh =
        offline && (consent || !tokens.hasRefreshToken(account.person().name(), client.clientId()));
    Grant grant =
        new Grant(
            TokenStore.newId(),
            name(),
            account,
            client.clientId(),
            scope,
            redirect,
            challenge,
            refresh);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("state", state);
    params.put("code", tokens.issueCode(grant, clock.instant()));
    params.put("scope", scope);
    return Reply.redirect(Redirects.with(redirect, params));
  }

  private static Map<String, String> errorParams(String error, String state) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("error", error);
    p.put("state", state);
    return p;
  }

  private Reply token(Call call) {
    String id = call.form("client_id");
    String secret = call.form("client_secret");
    String basic = call.header("Authorization");
    if (id == null && basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded =
          new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        id = decoded.substring(0, colon);
        secret = decoded.substring(colon + 1);
      }
    }
    if (!client.matches(id, secret)) {
      return GoogleErrors.oauth(401, "invalid_client", "Unauthorized");
    }
    Instant now = clock.instant();
    String grantType = call.form("grant_type");
    if ("authorization_code".equals(grantType)) {
      Optional<Grant> grant = tokens.redeemCode(call.form("code"), now);
      if (grant.isEmpty()) {
        return GoogleErrors.oauth(400, "invalid_grant", "Bad Request");
      }
      Grant g = grant.get();
      if (!g.redirectUri().equals(call.form("redirect_uri"))) {
        return GoogleErrors.oauth(400, "redirect_uri_mismatch", "Bad Request");
      }
      String verifier = call.form("code_verifier");
      if (verifier == null || verifier.isBlank()) {
        return GoogleErrors.oauth(400, "invalid_grant", "Missing code verifier.");
      }
      if (!s256(verifier).equals(g.codeChallenge())) {
        return GoogleErrors.oauth(400, "invalid_grant", "Invalid code verifier.");
      }
      ObjectNode body = Json.object();
      body.put("access_token", tokens.issueAccess(g, now.plusSeconds(ACCESS_SECONDS)));
      body.put("expires_in", ACCESS_SECONDS);
      if (g.offlineAccess()) {
        body.put("refresh_token", tokens.issueRefresh(g));
      }
      body.put("scope", g.scope());
      body.put("token_type", "Bearer");
      if (g.offlineAccess()) {
        body.put("refresh_token_expires_in", 604799);
      }
      return Reply.json(200, body);
    }
    if ("refresh_token".equals(grantType)) {
      Optional<Grant> grant = tokens.refreshGrant(call.form("refresh_token"));
      if (grant.isEmpty()) {
        return GoogleErrors.oauth(400, "invalid_grant", "Bad Request");
      }
      ObjectNode body = Json.object();
      body.put("access_token", tokens.issueAccess(grant.get(), now.plusSeconds(ACCESS_SECONDS)));
      body.put("expires_in", ACCESS_SECONDS);
      body.put("scope", grant.get().scope());
      body.put("token_type", "Bearer");
      return Reply.json(200, body);
    }
    return GoogleErrors.oauth(400, "unsupported_grant_type", "Invalid grant_type: " + grantType);
  }

  static String s256(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Reply revoke(Call call) {
    Optional<Grant> grant = tokens.grantOf(call.form("token"));
    if (grant.isEmpty()) {
      return GoogleErrors.oauth(400, "invalid_token", "Token expired or revoked");
    }
    tokens.revoke(grant.get());
    return Reply.json(200, Json.object());
  }

  private Reply keyset(Call call) {
    return Reply.text(200, "application/json; charset=utf-8", webhooks.signer().publicKeysetJson());
  }

  // ---- reads

  private Optional<Account> account(Call call) {
    Grant g = call.principal();
    String user = call.param("user");
    Account a = g.account();
    return "me".equals(user) || a.person().healthUserId().equals(user)
        ? Optional.of(a)
        : Optional.empty();
  }

  private Reply permissionDenied() {
    return GoogleErrors.error(403, "PERMISSION_DENIED", "The caller does not have permission");
  }

  private Reply unknownType(String type) {
    return GoogleErrors.error(404, "NOT_FOUND", "Data type not found: " + type);
  }

  private Reply identity(Call call) {
    Optional<Account> a = account(call);
    if (a.isEmpty()) {
      return permissionDenied();
    }
    Person p = a.get().person();
    ObjectNode n = Json.object();
    n.put("name", "users/" + p.healthUserId() + "/identity");
    n.put("legacyUserId", p.legacyUserId());
    n.put("healthUserId", p.healthUserId());
    return Reply.json(200, n);
  }

  private Reply list(Call call) {
    Optional<Account> a = account(call);
    if (a.isEmpty()) {
      return permissionDenied();
    }
    String type = call.param("type");
    if (!TYPES.contains(type)) {
      return unknownType(type);
    }
    DataPointFilter filter;
    try {
      filter = DataPointFilter.parse(type, call.query("filter"));
    } catch (DataPointFilter.Invalid e) {
      return GoogleErrors.invalidArgument(
          e.getMessage(),
          "INVALID_DATA_POINT_FILTER",
          e.detailedReason == null ? Map.of() : Map.of("detailedReasons", e.detailedReason));
    }
    String family = call.query("dataSourceFamily");
    if (family != null) {
      if (type.equals("sleep")) {
        return GoogleErrors.invalidArgument(
            "dataSourceFamily is not supported for this data type",
            "INVALID_DATA_POINT_DATA_SOURCE_FAMILY",
            Map.of());
      }
      String f = family.startsWith(FAMILY) ? family.substring(FAMILY.length()) : "";
      if (!Set.of("all-sources", "google-wearables", "google-sources", "self-sources")
          .contains(f)) {
        return GoogleErrors.invalidArgument(
            "Invalid data source family: " + family,
            "INVALID_DATA_POINT_DATA_SOURCE_FAMILY",
            Map.of());
      }
      family = f;
    }
    boolean big = type.equals("exercise") || type.equals("sleep");
    int max = big ? 25 : 10_000;
    int pageSize = big ? 25 : 1440;
    if (call.query("pageSize") != null) {
      try {
        pageSize = Integer.parseInt(call.query("pageSize"));
      } catch (NumberFormatException e) {
        return GoogleErrors.invalidArgument("Invalid value for pageSize", null, Map.of());
      }
      if (pageSize < 0) {
        return GoogleErrors.invalidArgument("pageSize must not be negative", null, Map.of());
      }
      pageSize = pageSize == 0 ? (big ? 25 : 1440) : Math.min(pageSize, max);
    }
    Grant grant = call.principal();
    Account account = a.get();
    String queryKey =
        queryKey(account.person().healthUserId(), type, call.query("filter"), pageSize, family);
    int offset = 0;
    String token = call.query("pageToken");
    if (token != null && !token.isEmpty()) {
      Integer decoded = decodeToken(token, queryKey);
      if (decoded == null) {
        return GoogleErrors.invalidArgument(
            "Invalid page token: the page token does not match the request.", null, Map.of());
      }
      offset = decoded;
    }
    List<Item> items = items(account, type, filter);
    String fam = family;
    items.removeIf(
        i ->
            !filter.accepts(i.physicalKey(), i.civilKey())
                || ("self-sources".equals(fam)
                    && !(i.origin() == Origin.API && grant.clientId().equals(i.clientId())))
                || ("google-wearables".equals(fam) && (i.manual() || i.origin() == Origin.API)));
    items.sort(Comparator.comparing(Item::sortKey).reversed());
    ObjectNode out = Json.object();
    ArrayNode points = out.putArray("dataPoints");
    int end = Math.min(items.size(), offset + pageSize);
    for (int i = offset; i < end; i++) {
      points.add(items.get(i).json().get());
    }
    out.put("nextPageToken", end < items.size() ? encodeToken(queryKey, end) : "");
    return Reply.json(200, out);
  }

  private List<Item> items(Account account, String type, DataPointFilter filter) {
    Person p = account.person();
    ProviderStore store = account.fitbit();
    List<Item> items = new ArrayList<>();
    switch (type) {
      case "exercise" -> {
        for (SimWorkout w : store.workouts()) {
          items.add(
              new Item(
                  w.start(),
                  w.start(),
                  LocalDateTime.ofInstant(w.start(), w.offset()),
                  w.origin(),
                  w.clientId(),
                  w.manual(),
                  () -> noted(GoogleJson.exercise(p, w), "exercise", store, w.id())));
        }
      }
      case "steps" -> {
        Instant now = clock.instant();
        Instant from =
            filter.fromInstant() != null
                ? filter.fromInstant()
                : filter.fromCivil() != null
                    ? filter.fromCivil().minusDays(1).toInstant(ZoneOffset.UTC)
                    : store.stepsFrom().atStartOfDay(p.zone()).toInstant();
        Instant to =
            filter.toInstant() != null
                ? filter.toInstant()
                : filter.toCivil() != null
                    ? filter.toCivil().plusDays(1).toInstant(ZoneOffset.UTC)
                    : now;
        for (StepsInterval s : store.steps(from, to, now)) {
          items.add(
              new Item(
                  s.start(),
                  s.start(),
                  LocalDateTime.ofInstant(s.start(), s.offset()),
                  Origin.GENERATED,
                  null,
                  false,
                  () -> GoogleJson.steps(s)));
        }
      }
      case "sleep" -> {
        for (SimSleep s : store.sleeps()) {
          OffsetDateTime end = s.session().end();
          items.add(
              new Item(
                  s.session().start().toInstant(),
                  end.toInstant(),
                  end.toLocalDateTime(),
                  s.origin(),
                  null,
                  false,
                  () -> GoogleJson.sleep(p, s)));
        }
      }
      case "weight" -> {
        for (SimWeight w : store.weights()) {
          OffsetDateTime t = w.weight().time();
          items.add(
              new Item(
                  t.toInstant(),
                  t.toInstant(),
                  t.toLocalDateTime(),
                  w.origin(),
                  w.clientId(),
                  false,
                  () -> noted(GoogleJson.weight(p, w), "weight", store, w.id())));
        }
      }
      default -> {
        for (SimRestingHeartRate r : store.restingHeartRates()) {
          LocalDateTime day = r.value().date().atStartOfDay();
          items.add(
              new Item(
                  day.atZone(p.zone()).toInstant(),
                  day.atZone(p.zone()).toInstant(),
                  day,
                  r.origin(),
                  null,
                  false,
                  () -> GoogleJson.restingHeartRate(r)));
        }
      }
    }
    return items;
  }

  private static String queryKey(
      String user, String type, String filter, int pageSize, String family) {
    return queryKey(user + "|" + type + "|" + filter + "|" + pageSize + "|" + family);
  }

  static String queryKey(String query) {
    return Long.toHexString(Mix.of(query));
  }

  // ---- roll-ups (steps only: the only type the simulator rolls up)

  private Reply dailyRollUp(Call call) {
    return rollUp(call, true);
  }

  private Reply rollUp(Call call) {
    return rollUp(call, false);
  }

  private Reply rollUp(Call call, boolean daily) {
    Optional<Account> a = account(call);
    if (a.isEmpty()) {
      return permissionDenied();
    }
    String type = call.param("type");
    if (!TYPES.contains(type)) {
      return unknownType(type);
    }
    if (!"steps".equals(type)) {
      return GoogleErrors.invalidArgument(
          "The simulator rolls up steps only, not " + type, null, Map.of());
    }
    JsonNode body = call.json();
    if (body == null || !body.isObject()) {
      return GoogleErrors.invalidArgument("Invalid JSON payload received.", null, Map.of());
    }
    Person p = a.get().person();
    return daily
        ? StepsRollUps.daily(a.get().fitbit(), p.zone(), clock.instant(), body, p.healthUserId())
        : StepsRollUps.physical(a.get().fitbit(), clock.instant(), body, p.healthUserId());
  }

  static String encodeToken(String queryKey, int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((queryKey + ":" + offset).getBytes(StandardCharsets.UTF_8));
  }

  static Integer decodeToken(String token, String queryKey) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int colon = text.indexOf(':');
      if (colon < 0 || !text.substring(0, colon).equals(queryKey)) {
        return null;
      }
      return Integer.parseInt(text.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Reply get(Call call) {
    Optional<Account> a = account(call);
    if (a.isEmpty()) {
      return permissionDenied();
    }
    Person p = a.get().person();
    ProviderStore store = a.get().fitbit();
    String id = call.param("id");
    Optional<ObjectNode> found =
        switch (call.param("type")) {
          case "exercise" ->
              store.workout(id).map(w -> noted(GoogleJson.exercise(p, w), "exercise", store, id));
          case "sleep" -> store.sleep(id).map(s -> GoogleJson.sleep(p, s));
          case "weight" ->
              store.weight(id).map(w -> noted(GoogleJson.weight(p, w), "weight", store, id));
          default -> Optional.empty();
        };
    return found
        .map(n -> Reply.json(200, n))
        .orElseGet(() -> GoogleErrors.error(404, "NOT_FOUND", "Requested entity was not found."));
  }

  private Reply exportTcx(Call call) {
    Optional<Account> a = account(call);
    if (a.isEmpty()) {
      return permissionDenied();
    }
    if (!"exercise".equals(call.param("type"))) {
      return GoogleErrors.invalidArgument(
          "TCX export is only available for exercise", null, Map.of());
    }
    Person p = a.get().person();
    Optional<SimWorkout> w = a.get().fitbit().workout(call.param("id"));
    if (w.isEmpty()) {
      return GoogleErrors.error(404, "NOT_FOUND", "Requested entity was not found.");
    }
    SimWorkout sw = w.get();
    Workout workout =
        Workout.of(sw.sport(), sw.start().atOffset(sw.offset()), sw.end().atOffset(sw.offset()))
            .withDistance(sw.distanceMetres())
            .withEnergy(sw.calories() * 4184.0)
            .withSamples(WorkoutFactory.streams(p, sw));
    if (sw.averageHeartRate() != null) {
      workout = workout.withHeartRate(sw.averageHeartRate(), sw.maxHeartRate());
    }
    byte[] tcx = WorkoutFiles.codec(WorkoutFileFormat.TCX).write(workout);
    if ("media".equals(call.query("alt"))) {
      return new Reply(200, "application/vnd.garmin.tcx+xml", tcx, Map.of());
    }
    ObjectNode n = Json.object();
    n.put("tcxData", new String(tcx, StandardCharsets.UTF_8));
    return Reply.json(200, n);
  }

  // ---- writes

  private Reply create(Call call) {
    Optional<Account> a = account(call);
    if (a.isEmpty()) {
      return permissionDenied();
    }
    String type = call.param("type");
    JsonNode body = call.json();
    if (body == null || !body.isObject()) {
      return GoogleErrors.invalidArgument("Invalid JSON payload received.", null, Map.of());
    }
    Grant grant = call.principal();
    Account account = a.get();
    Person p = account.person();
    Instant now = clock.instant();
    ObjectNode created;
    try {
      if ("exercise".equals(type)) {
        JsonNode e = body.path("exercise");
        JsonNode interval = e.path("interval");
        Instant start = Instant.parse(interval.path("startTime").asText());
        Instant end = Instant.parse(interval.path("endTime").asText());
        ZoneOffset off = parseOffset(interval.path("startUtcOffset").asText("0s"));
        int elapsed = (int) Duration.between(start, end).toSeconds();
        int active =
            e.has("activeDuration")
                ? (int) parseSeconds(e.path("activeDuration").asText())
                : elapsed;
        JsonNode m = e.path("metricsSummary");
        double distance = m.path("distanceMillimeters").asDouble(0) / 1000.0;
        SimWorkout w =
            WorkoutFactory.explicit(
                p,
                accounts.nextGoogleId(),
                GoogleJson.sport(e.path("exerciseType").asText(null)),
                e.path("displayName").asText(null),
                start,
                elapsed,
                Math.min(active, elapsed),
                distance,
                List.of(),
                List.of(),
                Origin.API,
                null,
                null,
                false,
                grant.clientId(),
                now);
        w =
            new SimWorkout(
                w.id(),
                w.sport(),
                w.title(),
                w.start(),
                off,
                w.elapsedSeconds(),
                w.movingSeconds(),
                w.distanceMetres(),
                m.path("elevationGainMillimeters").asDouble(0) / 1000.0,
                m.has("averageHeartRateBeatsPerMinute")
                    ? m.path("averageHeartRateBeatsPerMinute").asInt()
                    : null,
                m.has("averageHeartRateBeatsPerMinute")
                    ? m.path("averageHeartRateBeatsPerMinute").asInt()
                    : null,
                null,
                null,
                m.path("caloriesKcal").asDouble(w.calories()),
                false,
                null,
                0,
                List.of(),
                null,
                null,
                false,
                Origin.API,
                grant.clientId(),
                now,
                now);
        account.fitbit().put(w);
        account.fitbit().putNotes(w.id(), e.path("notes").asText(null));
        created = noted(GoogleJson.exercise(p, w), "exercise", account.fitbit(), w.id());
        webhooks.fitbitChange(
            p.healthUserId(), "UPSERT", "exercise", w.start(), w.end(), w.offset());
      } else if ("weight".equals(type)) {
        JsonNode we = body.path("weight");
        Instant at = Instant.parse(we.path("sampleTime").path("physicalTime").asText());
        ZoneOffset off = parseOffset(we.path("sampleTime").path("utcOffset").asText("0s"));
        double grams = we.path("weightGrams").asDouble();
        SimWeight w =
            new SimWeight(
                accounts.nextGoogleId(),
                new BodyWeight(at.atOffset(off), grams / 1000.0, java.util.OptionalDouble.empty()),
                Origin.API,
                grant.clientId(),
                now);
        account.fitbit().put(w);
        account.fitbit().putNotes(w.id(), we.path("notes").asText(null));
        created = noted(GoogleJson.weight(p, w), "weight", account.fitbit(), w.id());
        webhooks.fitbitChange(p.healthUserId(), "UPSERT", "weight", at, at.plusSeconds(1), off);
      } else if (TYPES.contains(type)) {
        return GoogleErrors.invalidArgument(
            "Data type " + type + " cannot be written by the simulator", null, Map.of());
      } else {
        return unknownType(type);
      }
    } catch (RuntimeException e) {
      return GoogleErrors.invalidArgument("Invalid data point: " + e.getMessage(), null, Map.of());
    }
    ObjectNode op = Json.object();
    op.put("done", true);
    ObjectNode response = op.putObject("response");
    response.put("@type", "type.googleapis.com/google.devicesandservices.health.v4.DataPoint");
    response.setAll(created);
    return Reply.json(200, op);
  }

  /**
   * The point with the {@code notes} its writer gave ({@code Exercise.notes}, "Standard free-form
   * notes captured at manual logging", discovery rev 20261002); the simulator used to drop them, so
   * SyncWell's marker {@code syncwell:<key>} never came back.
   */
  private static ObjectNode noted(ObjectNode point, String member, ProviderStore store, String id) {
    store.notes(id).ifPresent(n -> ((ObjectNode) point.path(member)).put("notes", n));
    return point;
  }

  private static ZoneOffset parseOffset(String text) {
    return ZoneOffset.ofTotalSeconds((int) parseSeconds(text));
  }

  private static long parseSeconds(String text) {
    String t = text.endsWith("s") ? text.substring(0, text.length() - 1) : text;
    return (long) Double.parseDouble(t);
  }

  private Reply batchDelete(Call call) {
    Optional<Account> a = account(call);
    if (a.isEmpty()) {
      return permissionDenied();
    }
    JsonNode body = call.json();
    if (body == null || !body.path("names").isArray()) {
      return GoogleErrors.invalidArgument("names is required", null, Map.of());
    }
    Account account = a.get();
    Person p = account.person();
    for (JsonNode n : body.path("names")) {
      String[] parts = n.asText().split("/");
      if (parts.length != 6 || !parts[2].equals("dataTypes") || !parts[4].equals("dataPoints")) {
        return GoogleErrors.invalidArgument(
            "Invalid data point name: " + n.asText(), null, Map.of());
      }
      String type = parts[3];
      String id = parts[5];
      switch (type) {
        case "exercise" ->
            account
                .fitbit()
                .removeWorkout(id)
                .ifPresent(
                    w ->
                        webhooks.fitbitChange(
                            p.healthUserId(),
                            "DELETE",
                            "exercise",
                            w.start(),
                            w.end(),
                            w.offset()));
        case "weight" ->
            account
                .fitbit()
                .removeWeight(id)
                .ifPresent(
                    w ->
                        webhooks.fitbitChange(
                            p.healthUserId(),
                            "DELETE",
                            "weight",
                            w.weight().time().toInstant(),
                            w.weight().time().toInstant().plusSeconds(1),
                            w.weight().time().getOffset()));
        case "sleep" ->
            account
                .fitbit()
                .removeSleep(id)
                .ifPresent(
                    s ->
                        webhooks.fitbitChange(
                            p.healthUserId(),
                            "DELETE",
                            "sleep",
                            s.session().start().toInstant(),
                            s.session().end().toInstant(),
                            s.session().end().getOffset()));
        default -> {
          return GoogleErrors.invalidArgument(
              "Data type cannot be deleted by name: " + type, null, Map.of());
        }
      }
    }
    ObjectNode op = Json.object();
    op.put("done", true);
    op.putObject("response").put("@type", "type.googleapis.com/google.protobuf.Empty");
    return Reply.json(200, op);
  }
}
