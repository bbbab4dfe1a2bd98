package com.syncwell.api;

import com.syncwell.api.http.ApiResponse;
import com.syncwell.api.http.Headers;
import com.syncwell.api.http.HttpMetrics;
import com.syncwell.api.http.IdempotencyGate;
import com.syncwell.api.http.IdempotencyMetrics;
import com.syncwell.api.http.InFlightRequests;
import com.syncwell.api.http.IncomingRequest;
import com.syncwell.api.http.JettyProblemErrors;
import com.syncwell.api.http.Problem;
import com.syncwell.api.http.QueryString;
import com.syncwell.api.http.RequestPipeline;
import com.syncwell.api.http.Route;
import com.syncwell.api.http.RouteTable;
import com.syncwell.api.ops.OperationsRoutes;
import com.syncwell.api.traffic.TrafficProfileRoute;
import com.syncwell.api.traffic.TrafficRecorder;
import com.syncwell.api.v1.ConnectionRoutes;
import com.syncwell.api.v1.ExportJobRoutes;
import com.syncwell.api.v1.ProviderRoutes;
import com.syncwell.api.v1.SyncConfigRoutes;
import com.syncwell.api.v1.SyncJobRoutes;
import com.syncwell.api.v1.UserRoutes;
import com.syncwell.api.v1.WebhookRoutes;
import com.syncwell.engine.store.IdempotencyStore;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SyncWell public API v1 over HTTP: Javalin 7 (Jetty 12) on virtual threads carries bytes;
 * every request goes through one {@link RequestPipeline} over one {@link RouteTable}.
 *
 * <p><b>Lifecycle:</b> {@link #start} binds (port 0 picks a free one, see {@link #port}); {@link
 * #stop} stops accepting connections, answers requests that still arrive on open connections with
 * 503 {@code shutting_down}, waits up to {@link #DRAIN_TIMEOUT} for requests in flight to finish,
 * then stops the server. <b>Threading:</b> start and stop from one thread; requests run on virtual
 * threads.
 */
public final class ApiServer implements AutoCloseable {
  public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

  /** The most of an unread request body read and discarded before answering: 1 MiB. */
  static final long DRAIN_LIMIT = 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private final RequestPipeline pipeline;
  private final TrafficRecorder traffic;
  private final InFlightRequests inFlight = new InFlightRequests();
  private volatile Javalin app;

  public ApiServer(ApiDependencies deps) {
    this(deps, List.of());
  }

  /**
   * @param extraRoutes routes beyond the API's own (tests use this to hold a request open)
   */
  ApiServer(ApiDependencies deps, List<Route> extraRoutes) {
    Objects.requireNonNull(deps, "deps");
    List<Route> routes = new ArrayList<>();
    routes.addAll(
        new OperationsRoutes(deps.table(), deps.queue(), deps.rateLimiter(), deps.meters())
            .routes());
    ApiUseCases u = deps.useCases();
    routes.addAll(new ProviderRoutes(u.listProviders()).routes());
    routes.addAll(new UserRoutes(u.getProfile(), u.updateSettings(), u.deleteAccount()).routes());
    routes.addAll(
        new ConnectionRoutes(
                u.startAuthorization(),
                u.completeAuthorization(),
                u.listConnections(),
                u.getConnection(),
                u.deleteConnection(),
                deps.clock())
            .routes());
    routes.addAll(
        new SyncConfigRoutes(
                u.createSyncConfig(),
                u.listSyncConfigs(),
                u.getSyncConfig(),
                u.updateSyncConfig(),
                u.deleteSyncConfig())
            .routes());
    routes.addAll(new SyncJobRoutes(u.requestSync(), u.getSyncJob(), u.listSyncJobs()).routes());
    routes.addAll(new ExportJobRoutes(u.requestExport(), u.getExport()).routes());
    routes.addAll(new WebhookRoutes(deps.webhooks()).routes());
    this.traffic = new TrafficRecorder(deps.clock());
    routes.add(new TrafficProfileRoute(traffic, deps.adminToken()).route());
    routes.addAll(extraRoutes);
    this.pipeline =
        new RequestPipeline(
            new RouteTable(routes),
            deps.authenticator(),
            deps.rateLimiter(),
            deps.rates(),
            new IdempotencyGate(
                new IdempotencyStore(deps.table(), deps.clock()),
                new IdempotencyMetrics(deps.meters()),
                u.commits().atomic()),
            new HttpMetrics(deps.meters()),
            traffic);
  }

  /** The traffic this server answered, aggregated without user identity. */
  public TrafficRecorder traffic() {
    return traffic;
  }

  /** The routes this server answers, the list the OpenAPI contract is checked against. */
  public RouteTable routes() {
    return pipeline.routes();
  }

  /** Binds {@code host:port} (0: any free port) and starts serving. */
  public synchronized ApiServer start(String host, int port) {
    if (app != null) {
      throw new IllegalStateException("already started");
    }
    Javalin created =
        Javalin.create(
            config -> {
              config.concurrency.useVirtualThreads = true;
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.host = host;
              config.jetty.port = port;
              config.http.compressionStrategy = CompressionStrategy.NONE;
              config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblemErrors()));
              // Jetty keeps a per-connection cache of header lines seen before. Bearer tokens
              // differ per user, and a connection from a load balancer (or the benchmark) carries
              // many users, so every request missed it and paid for inserting its token.
              config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
              // Every request, whatever its method (even one Javalin does not know), is served
              // by the pipeline in a before-handler; the catch-all endpoints exist only so that
              // Javalin never answers 404 on its own.
              config.routes.before(
                  ctx -> {
                    serve(ctx);
                    ctx.skipRemainingHandlers();
                  });
              for (HandlerType type : HandlerType.values()) {
                if (type.isHttpMethod()) {
                  config.routes.addHttpHandler(type, "/", ctx -> {});
                  config.routes.addHttpHandler(type, "/<path>", ctx -> {});
                }
              }
              config.routes.exception(Exception.class, (e, ctx) -> lastResort(ctx, e));
            });
    created.start();
    app = created;
    return this;
  }

  /** The bound port; valid after {@link #start}. */
  public int port() {
    Javalin a = app;
    if (a == null) {
      throw new IllegalStateException("not started");
    }
    return a.port();
  }

  /** Stops gracefully; see the class comment. Idempotent. */
  public synchronized void stop() {
    Javalin a = app;
    if (a == null) {
      return;
    }
    inFlight.close();
    for (Connector c : a.jettyServer().server().getConnectors()) {
      if (c instanceof NetworkConnector n) {
        n.close();
      }
    }
    try {
      if (!inFlight.awaitIdle(DRAIN_TIMEOUT)) {
        LOG.warn("stopping with {} requests still in flight", inFlight.count());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    a.stop();
    app = null;
  }

  @Override
  public void close() {
    stop();
  }

  private void serve(Context ctx) throws IOException {
    HttpServletRequest req = ctx.req();
    long length = req.getContentLengthLong();
    IncomingRequest in =
        new IncomingRequest(
            req.getMethod(),
            req.getRequestURI(),
            QueryString.parse(req.getQueryString()),
            headersOf(req),
            req.getRemoteAddr(),
            length >= 0 ? OptionalLong.of(length) : OptionalLong.empty(),
            req.getInputStream());
    if (!inFlight.tryEnter()) {
      write(ctx.res(), pipeline.refuseWhileStopping(in));
      return;
    }
    try {
      ApiResponse response = pipeline.handle(in);
      write(ctx.res(), drained(req, response));
    } finally {
      inFlight.exit();
    }
  }

  /**
   * Reads and discards what is left of the request body (a refused request may not have been read:
   * 413 by its declared length, 429) up to {@link #DRAIN_LIMIT}, so that the client, still sending,
   * gets to read the answer instead of a connection reset. A longer body closes the connection.
   */
  private static ApiResponse drained(HttpServletRequest req, ApiResponse response) {
    long declared = req.getContentLengthLong();
    if (declared > DRAIN_LIMIT) {
      return response.withHeader("Connection", "close");
    }
    try {
      InputStream body = req.getInputStream();
      byte[] buffer = new byte[8192];
      long total = 0;
      for (int n; (n = body.read(buffer)) >= 0; ) {
        total += n;
        if (total > DRAIN_LIMIT) {
          return response.withHeader("Connection", "close");
        }
      }
    } catch (IOException | RuntimeException e) {
      return response.withHeader("Connection", "close");
    }
    return response;
  }

  private static Headers headersOf(HttpServletRequest req) {
    Map<String, List<String>> raw = new LinkedHashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      raw.put(name, Collections.list(req.getHeaders(name)));
    }
    return Headers.of(raw);
  }

  private static void write(HttpServletResponse res, ApiResponse r) throws IOException {
    res.setStatus(r.status());
    r.headers().forEach(res::setHeader);
    r.contentType().ifPresent(res::setContentType);
    byte[] body = r.body();
    if (body.length > 0) {
      res.setContentLength(body.length);
      ServletOutputStream out = res.getOutputStream();
      out.write(body);
    }
    res.flushBuffer();
  }

  private static void lastResort(Context ctx, Exception e) {
    LOG.error("request failed in the HTTP layer", e);
    try {
      ApiResponse r =
          Problem.of(500, "internal_error", "Something went wrong on our side.")
              .toResponse(com.syncwell.api.http.CorrelationIds.generate());
      if (!ctx.res().isCommitted()) {
        ctx.res().reset();
        write(ctx.res(), r);
      }
    } catch (IOException | RuntimeException suppressed) {
      LOG.debug("could not write the error response", suppressed);
    }
  }
}
