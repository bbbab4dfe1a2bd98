package com.syncwell.simulator;

import com.syncwell.simulator.control.FaultOutcome;
import com.syncwell.simulator.control.Faults;
import com.syncwell.simulator.http.Access;
import com.syncwell.simulator.http.Call;
import com.syncwell.simulator.http.ProviderApi;
import com.syncwell.simulator.http.QuotaVerdict;
import com.syncwell.simulator.http.Reply;
import com.syncwell.simulator.http.Route;
import com.syncwell.simulator.http.Router;
import com.syncwell.simulator.http.Stats;
import com.syncwell.simulator.oauth.Grant;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes every request: provider lookup, faults, quota, authentication, handler, counters. */
final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private final Router router = new Router();
  private final Map<String, ProviderApi> providers;
  private final ProviderApi admin;
  private final Faults faults;
  private final Stats stats;
  private final Clock clock;

  Dispatcher(
      Map<String, ProviderApi> providers,
      ProviderApi admin,
      Faults faults,
      Stats stats,
      Clock clock) {
    this.providers = providers;
    this.admin = admin;
    this.faults = faults;
    this.stats = stats;
    this.clock = clock;
    providers.values().forEach(p -> p.routes().forEach(router::add));
    admin.routes().forEach(router::add);
  }

  void handle(Context ctx) {
    String path = ctx.path();
    String method = ctx.method().name();
    ProviderApi api = provider(path);
    Router.Match match = router.match(method, path);
    Reply reply;
    String routeKey;
    if (match == null) {
      routeKey = "unmatched";
      reply = api == null ? Reply.text(404, "text/plain", "Not Found") : api.notFound();
    } else {
      Route route = match.route();
      routeKey = method + " " + route.template().substring(route.provider().length() + 1);
      try {
        reply = run(ctx, api, match, routeKey);
      } catch (Exception e) {
        LOG.warn("simulator route {} failed: {}", routeKey, e.toString());
        reply = api.failure(500);
      }
    }
    ctx.status(reply.status());
    reply.headers().forEach(ctx::header);
    if (reply.contentType() != null) {
      ctx.contentType(reply.contentType());
    }
    ctx.result(reply.body());
    stats.record(api == null ? "other" : api.name(), routeKey, reply.status(), reply.body().length);
  }

  private ProviderApi provider(String path) {
    int slash = path.indexOf('/', 1);
    String first = slash < 0 ? path.substring(1) : path.substring(1, slash);
    if (first.equals("_sim")) {
      return admin;
    }
    return providers.get(first);
  }

  private Reply run(Context ctx, ProviderApi api, Router.Match match, String routeKey)
      throws Exception {
    Route route = match.route();
    Instant now = clock.instant();
    Grant grant = null;
    if (route.access() != Access.OPEN) {
      grant = api.authenticate(ctx.header("Authorization"), now).orElse(null);
    }
    if (api != admin) {
      String user = grant == null ? null : grant.account().person().name();
      FaultOutcome outcome = faults.apply(api.name(), user, routeKey);
      if (outcome instanceof FaultOutcome.Throttle) {
        return api.throttled();
      }
      if (outcome instanceof FaultOutcome.Fail(int status)) {
        return api.failure(status);
      }
    }
    QuotaVerdict verdict = api.admit(route, grant, now);
    Reply reply;
    if (route.access() != Access.OPEN && grant == null) {
      reply = api.unauthorized();
    } else if (!verdict.allowed()) {
      reply = api.throttled();
    } else {
      reply = route.handler().handle(new Call(ctx, route, match.params(), grant));
    }
    for (Map.Entry<String, String> h : verdict.headers().entrySet()) {
      reply = reply.withHeader(h.getKey(), h.getValue());
    }
    return reply;
  }
}
