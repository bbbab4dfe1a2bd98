package com.syncwell.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.domain.BodyWeight;
import com.syncwell.domain.SportType;
import com.syncwell.simulator.control.FaultRule;
import com.syncwell.simulator.control.Faults;
import com.syncwell.simulator.control.PerUserQuota;
import com.syncwell.simulator.control.SimClock;
import com.syncwell.simulator.control.StravaLimits;
import com.syncwell.simulator.control.StravaQuota;
import com.syncwell.simulator.data.Account;
import com.syncwell.simulator.data.Accounts;
import com.syncwell.simulator.data.Mix;
import com.syncwell.simulator.data.Origin;
import com.syncwell.simulator.data.Person;
import com.syncwell.simulator.data.SimWeight;
import com.syncwell.simulator.data.SimWorkout;
import com.syncwell.simulator.data.StepsInterval;
import com.syncwell.simulator.data.WorkoutFactory;
import com.syncwell.simulator.google.GoogleHealthApi;
import com.syncwell.simulator.http.Access;
import com.syncwell.simulator.http.Call;
import com.syncwell.simulator.http.Json;
import com.syncwell.simulator.http.ProviderApi;
import com.syncwell.simulator.http.QuotaVerdict;
import com.syncwell.simulator.http.Reply;
import com.syncwell.simulator.http.Route;
import com.syncwell.simulator.http.RouteHandler;
import com.syncwell.simulator.http.Stats;
import com.syncwell.simulator.oauth.Grant;
import com.syncwell.simulator.oauth.TokenStore;
import com.syncwell.simulator.strava.StravaApi;
import com.syncwell.simulator.webhook.Webhooks;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** {@code /_sim/…}: counters, clock, quotas, faults, webhooks, accounts and their data. */
final class AdminApi implements ProviderApi {
  private final Accounts accounts;
  private final SimClock clock;
  private final Stats stats;
  private final Faults faults;
  private final StravaQuota stravaQuota;
  private final PerUserQuota googleQuota;
  private final Webhooks webhooks;
  private final StravaApi strava;
  private final GoogleHealthApi google;
  private final String fitbitSecret;
  private final long subscriptionId;

  AdminApi(
      Accounts accounts,
      SimClock clock,
      Stats stats,
      Faults faults,
      StravaQuota stravaQuota,
      PerUserQuota googleQuota,
      Webhooks webhooks,
      StravaApi strava,
      GoogleHealthApi google,
      String fitbitSecret,
      long subscriptionId) {
    this.accounts = accounts;
    this.clock = clock;
    this.stats = stats;
    this.faults = faults;
    this.stravaQuota = stravaQuota;
    this.googleQuota = googleQuota;
    this.webhooks = webhooks;
    this.strava = strava;
    this.google = google;
    this.fitbitSecret = fitbitSecret;
    this.subscriptionId = subscriptionId;
  }

  @Override
  public String name() {
    return "_sim";
  }

  @Override
  public List<Route> routes() {
    String u = "/_sim/users/{name}/{provider}";
    return List.of(
        route("GET", "/_sim/stats", c -> Reply.json(200, stats.toJson())),
        route(
            "POST",
            "/_sim/stats/reset",
            c -> {
              stats.reset();
              return Reply.json(200, stats.toJson());
            }),
        route("GET", "/_sim/clock", c -> clockReply()),
        route("PUT", "/_sim/clock", this::setClock),
        route("POST", "/_sim/clock/advance", this::advanceClock),
        route("GET", "/_sim/quotas", c -> quotasReply()),
        route("PUT", "/_sim/quotas", this::setQuotas),
        route("GET", "/_sim/faults", c -> faultsReply()),
        route("PUT", "/_sim/faults", this::setFaults),
        route(
            "DELETE",
            "/_sim/faults",
            c -> {
              faults.set(List.of());
              return faultsReply();
            }),
        route("GET", "/_sim/webhooks", c -> webhooksReply()),
        route("PUT", "/_sim/webhooks", this::setWebhook),
        route("GET", "/_sim/users", this::users),
        route(
            "POST",
            "/_sim/users/{name}",
            c -> Reply.json(201, userJson(accounts.named(c.param("name"))))),
        route(
            "GET",
            "/_sim/users/{name}",
            c ->
                accounts
                    .find(c.param("name"))
                    .map(a -> Reply.json(200, userJson(a)))
                    .orElseGet(this::notFound)),
        route("GET", u + "/workouts", this::listWorkouts),
        route("POST", u + "/workouts", this::addWorkout),
        route("PATCH", u + "/workouts/{id}", this::changeWorkout),
        route("DELETE", u + "/workouts/{id}", this::deleteWorkout),
        route("POST", u + "/weights", this::addWeight),
        route("DELETE", u + "/weights/{id}", this::deleteWeight),
        route("POST", u + "/steps", this::addSteps));
  }

  private Route route(String method, String template, RouteHandler h) {
    return new Route(name(), method, template, Access.OPEN, h);
  }

  @Override
  public Reply notFound() {
    return Reply.json(404, error("not found"));
  }

  @Override
  public Reply unauthorized() {
    return Reply.json(401, error("unauthorized"));
  }

  @Override
  public Reply throttled() {
    return Reply.json(429, error("throttled"));
  }

  @Override
  public Reply failure(int status) {
    return Reply.json(status, error("failure"));
  }

  @Override
  public Optional<Grant> authenticate(String authorizationHeader, Instant now) {
    return Optional.empty();
  }

  @Override
  public QuotaVerdict admit(Route route, Grant grant, Instant now) {
    return QuotaVerdict.ALLOWED;
  }

  private static ObjectNode error(String message) {
    ObjectNode n = Json.object();
    n.put("error", message);
    return n;
  }

  private static Reply bad(String message) {
    return Reply.json(400, error(message));
  }

  // ---- clock, quotas, faults, webhooks

  private Reply clockReply() {
    ObjectNode n = Json.object();
    n.put("now", clock.instant().toString());
    return Reply.json(200, n);
  }

  private Reply setClock(Call c) {
    JsonNode body = c.json();
    if (body == null) {
      return bad("body must be JSON");
    }
    if (body.hasNonNull("now")) {
      clock.set(Instant.parse(body.get("now").asText()));
    } else if (body.hasNonNull("advanceSeconds")) {
      clock.advance(Duration.ofSeconds(body.get("advanceSeconds").asLong()));
    } else {
      return bad("give now (RFC 3339) or advanceSeconds");
    }
    return clockReply();
  }

  private Reply advanceClock(Call c) {
    String seconds = c.query("seconds");
    if (seconds == null) {
      return bad("seconds is required");
    }
    clock.advance(Duration.ofSeconds(Long.parseLong(seconds)));
    return clockReply();
  }

  private Reply quotasReply() {
    ObjectNode n = Json.object();
    StravaLimits l = stravaQuota.limits();
    ObjectNode s = n.putObject("strava");
    s.put("overall15", l.overall15());
    s.put("overallDaily", l.overallDaily());
    s.put("read15", l.read15());
    s.put("readDaily", l.readDaily());
    n.putObject("fitbit").put("perUserPerMinute", googleQuota.perMinute());
    return Reply.json(200, n);
  }

  private Reply setQuotas(Call c) {
    JsonNode body = c.json();
    if (body == null) {
      return bad("body must be JSON");
    }
    JsonNode s = body.path("strava");
    if (s.isObject()) {
      StravaLimits l = stravaQuota.limits();
      stravaQuota.limits(
          new StravaLimits(
              s.path("overall15").asInt(l.overall15()),
              s.path("overallDaily").asInt(l.overallDaily()),
              s.path("read15").asInt(l.read15()),
              s.path("readDaily").asInt(l.readDaily())));
    }
    if (s.path("reset").asBoolean(false)) {
      stravaQuota.reset();
    }
    JsonNode f = body.path("fitbit");
    if (f.isObject()) {
      googleQuota.perMinute(f.path("perUserPerMinute").asInt(googleQuota.perMinute()));
      if (f.path("reset").asBoolean(false)) {
        googleQuota.reset();
      }
    }
    return quotasReply();
  }

  private Reply faultsReply() {
    ObjectNode n = Json.object();
    ArrayNode rules = n.putArray("rules");
    for (FaultRule r : faults.rules()) {
      rules.add(Json.MAPPER.valueToTree(r));
    }
    return Reply.json(200, n);
  }

  /**
   * Body: {@code
   * {"rules":[{provider,user?,route?,latencyMillis?,errorRate?,errorStatus?,throttle?,seed?}],
   * "actions":[{provider,user?,revokeTokens?,expireAccessTokens?}]}}. Rules replace the current
   * ones; actions happen once, now.
   */
  private Reply setFaults(Call c) {
    JsonNode body = c.json();
    if (body == null) {
      return bad("body must be JSON");
    }
    List<FaultRule> rules = new ArrayList<>();
    for (JsonNode r : body.path("rules")) {
      String provider = r.path("provider").asText(null);
      if (!Account.STRAVA.equals(provider) && !Account.FITBIT.equals(provider)) {
        return bad("each rule needs provider strava or fitbit");
      }
      rules.add(
          new FaultRule(
              provider,
              r.path("user").asText(null),
              r.path("route").asText(null),
              r.path("latencyMillis").asLong(0),
              r.path("errorRate").asDouble(0),
              r.path("errorStatus").asInt(500),
              r.path("throttle").asBoolean(false),
              r.hasNonNull("seed") ? r.get("seed").asLong() : null));
    }
    if (body.has("rules")) {
      faults.set(rules);
    }
    for (JsonNode a : body.path("actions")) {
      String provider = a.path("provider").asText("");
      TokenStore tokens =
          switch (provider) {
            case Account.STRAVA -> strava.tokens();
            case Account.FITBIT -> google.tokens();
            default -> null;
          };
      if (tokens == null) {
        return bad("each action needs provider strava or fitbit");
      }
      String user = a.path("user").asText(null);
      if (a.path("revokeTokens").asBoolean(false)) {
        tokens.revokeAccount(user);
      }
      if (a.path("expireAccessTokens").asBoolean(false)) {
        tokens.expireAccess(user, clock.instant());
      }
    }
    return faultsReply();
  }

  private Reply webhooksReply() {
    ObjectNode n = Json.object();
    Webhooks.StravaTarget s = webhooks.strava();
    Webhooks.FitbitTarget f = webhooks.fitbit();
    n.put("strava", s == null ? null : s.callbackUrl());
    n.put("fitbit", f == null ? null : f.endpointUri());
    return Reply.json(200, n);
  }

  private Reply setWebhook(Call c) {
    JsonNode body = c.json();
    if (body == null) {
      return bad("body must be JSON");
    }
    String provider = body.path("provider").asText("");
    String url = body.path("url").asText(null);
    switch (provider) {
      case Account.STRAVA ->
          webhooks.strava(url == null ? null : new Webhooks.StravaTarget(url, "", subscriptionId));
      case Account.FITBIT ->
          webhooks.fitbit(
              url == null
                  ? null
                  : new Webhooks.FitbitTarget(url, body.path("secret").asText(fitbitSecret)));
      default -> {
        return bad("provider must be strava or fitbit");
      }
    }
    return webhooksReply();
  }

  // ---- accounts and data

  private Reply users(Call c) {
    ArrayNode out = Json.array();
    accounts.all().forEach(a -> out.add(userJson(a)));
    return Reply.json(200, out);
  }

  private static ObjectNode userJson(Account a) {
    Person p = a.person();
    ObjectNode n = Json.object();
    n.put("name", p.name());
    n.put("zone", p.zone().getId());
    n.put("stravaAthleteId", p.stravaAthleteId());
    n.put("healthUserId", p.healthUserId());
    n.put("legacyUserId", p.legacyUserId());
    n.put("stravaWorkouts", a.strava().workouts().size());
    n.put("fitbitWorkouts", a.fitbit().workouts().size());
    n.put("fitbitSleeps", a.fitbit().sleeps().size());
    n.put("fitbitWeights", a.fitbit().weights().size());
    return n;
  }

  private Optional<Account> target(Call c) {
    String provider = c.param("provider");
    if (!Account.STRAVA.equals(provider) && !Account.FITBIT.equals(provider)) {
      return Optional.empty();
    }
    return Optional.of(accounts.named(c.param("name")));
  }

  private static ObjectNode workoutJson(SimWorkout w) {
    ObjectNode n = Json.object();
    n.put("id", w.id());
    n.put("sport", w.sport().name());
    n.put("title", w.title());
    n.put("start", w.start().toString());
    n.put("elapsedSeconds", w.elapsedSeconds());
    n.put("distanceMetres", w.distanceMetres());
    n.put("externalId", w.externalId());
    n.put("origin", w.origin().name());
    return n;
  }

  private Reply listWorkouts(Call c) {
    Optional<Account> a = target(c);
    if (a.isEmpty()) {
      return notFound();
    }
    ArrayNode out = Json.array();
    a.get().store(c.param("provider")).workouts().forEach(w -> out.add(workoutJson(w)));
    return Reply.json(200, out);
  }

  /** Body: {@code {sport, start, elapsedSeconds, distanceMetres?, title?, gps?}}. */
  private Reply addWorkout(Call c) {
    Optional<Account> a = target(c);
    JsonNode b = c.json();
    if (a.isEmpty()) {
      return notFound();
    }
    if (b == null || !b.hasNonNull("start") || !b.hasNonNull("elapsedSeconds")) {
      return bad("start and elapsedSeconds are required");
    }
    String provider = c.param("provider");
    Account account = a.get();
    Person p = account.person();
    SportType sport = SportType.valueOf(b.path("sport").asText("RUNNING").toUpperCase(Locale.ROOT));
    Instant start = OffsetDateTime.parse(b.get("start").asText()).toInstant();
    int elapsed = b.get("elapsedSeconds").asInt();
    double distance = b.path("distanceMetres").asDouble(0);
    String id =
        Account.STRAVA.equals(provider)
            ? Long.toString(accounts.nextStravaId())
            : accounts.nextGoogleId();
    Instant now = clock.instant();
    SimWorkout w =
        b.path("gps").asBoolean(true) && distance > 0
            ? WorkoutFactory.synthesised(
                p,
                id,
                sport,
                b.path("title").asText(null),
                start,
                elapsed,
                elapsed,
                distance,
                Mix.of(p.seed(), id.hashCode()),
                Origin.ADMIN,
                null,
                null,
                now)
            : WorkoutFactory.explicit(
                p,
                id,
                sport,
                b.path("title").asText(null),
                start,
                elapsed,
                elapsed,
                distance,
                List.of(),
                List.of(),
                Origin.ADMIN,
                null,
                null,
                true,
                null,
                now);
    account.store(provider).put(w);
    changed(account, provider, w, Account.STRAVA.equals(provider) ? "create" : "UPSERT", Map.of());
    return Reply.json(201, workoutJson(w));
  }

  /** Body: {@code {title?, shiftSeconds?}}. */
  private Reply changeWorkout(Call c) {
    Optional<Account> a = target(c);
    JsonNode b = c.json();
    if (a.isEmpty() || b == null) {
      return notFound();
    }
    String provider = c.param("provider");
    Account account = a.get();
    Optional<SimWorkout> existing = account.store(provider).workout(c.param("id"));
    if (existing.isEmpty()) {
      return notFound();
    }
    Instant now = clock.instant();
    SimWorkout w = existing.get();
    if (b.hasNonNull("title")) {
      w = w.withTitle(b.get("title").asText(), now);
    }
    if (b.hasNonNull("shiftSeconds")) {
      w = w.withStart(w.start().plusSeconds(b.get("shiftSeconds").asLong())).withUpdateTime(now);
    }
    account.store(provider).put(w);
    changed(
        account,
        provider,
        w,
        Account.STRAVA.equals(provider) ? "update" : "UPSERT",
        b.hasNonNull("title") ? Map.of("title", b.get("title").asText()) : Map.of());
    return Reply.json(200, workoutJson(w));
  }

  private Reply deleteWorkout(Call c) {
    Optional<Account> a = target(c);
    if (a.isEmpty()) {
      return notFound();
    }
    String provider = c.param("provider");
    Optional<SimWorkout> removed = a.get().store(provider).removeWorkout(c.param("id"));
    if (removed.isEmpty()) {
      return notFound();
    }
    changed(
        a.get(),
        provider,
        removed.get(),
        Account.STRAVA.equals(provider) ? "delete" : "DELETE",
        Map.of());
    return Reply.empty(204);
  }

  private void changed(
      Account account,
      String provider,
      SimWorkout w,
      String operation,
      Map<String, String> updates) {
    if (Account.STRAVA.equals(provider)) {
      strava.emit(account, w, operation, updates);
    } else {
      webhooks.fitbitChange(
          account.person().healthUserId(), operation, "exercise", w.start(), w.end(), w.offset());
    }
  }

  /** Body: {@code {time, kilograms}}. */
  private Reply addWeight(Call c) {
    Optional<Account> a = target(c);
    JsonNode b = c.json();
    if (a.isEmpty() || !Account.FITBIT.equals(c.param("provider"))) {
      return notFound();
    }
    if (b == null || !b.hasNonNull("time") || !b.hasNonNull("kilograms")) {
      return bad("time and kilograms are required");
    }
    OffsetDateTime time = OffsetDateTime.parse(b.get("time").asText());
    SimWeight w =
        new SimWeight(
            accounts.nextGoogleId(),
            new BodyWeight(time, b.get("kilograms").asDouble(), OptionalDouble.empty()),
            Origin.ADMIN,
            null,
            clock.instant());
    a.get().fitbit().put(w);
    webhooks.fitbitChange(
        a.get().person().healthUserId(),
        "UPSERT",
        "weight",
        time.toInstant(),
        time.toInstant().plusSeconds(1),
        time.getOffset());
    ObjectNode n = Json.object();
    n.put("id", w.id());
    return Reply.json(201, n);
  }

  private Reply deleteWeight(Call c) {
    Optional<Account> a = target(c);
    if (a.isEmpty() || !Account.FITBIT.equals(c.param("provider"))) {
      return notFound();
    }
    Optional<SimWeight> removed = a.get().fitbit().removeWeight(c.param("id"));
    if (removed.isEmpty()) {
      return notFound();
    }
    OffsetDateTime t = removed.get().weight().time();
    webhooks.fitbitChange(
        a.get().person().healthUserId(),
        "DELETE",
        "weight",
        t.toInstant(),
        t.toInstant().plusSeconds(1),
        t.getOffset());
    return Reply.empty(204);
  }

  /** Body: {@code {start, end, count}}: one steps interval added to the day's synthesised ones. */
  private Reply addSteps(Call c) {
    Optional<Account> a = target(c);
    JsonNode b = c.json();
    if (a.isEmpty() || !Account.FITBIT.equals(c.param("provider"))) {
      return notFound();
    }
    if (b == null || !b.hasNonNull("start") || !b.hasNonNull("end") || !b.hasNonNull("count")) {
      return bad("start, end and count are required");
    }
    OffsetDateTime start = OffsetDateTime.parse(b.get("start").asText());
    OffsetDateTime end = OffsetDateTime.parse(b.get("end").asText());
    ZoneOffset offset = start.getOffset();
    a.get()
        .fitbit()
        .addSteps(
            new StepsInterval(start.toInstant(), end.toInstant(), offset, b.get("count").asLong()));
    webhooks.fitbitChange(
        a.get().person().healthUserId(),
        "UPSERT",
        "steps",
        start.toInstant(),
        end.toInstant(),
        offset);
    return Reply.empty(204);
  }
}
