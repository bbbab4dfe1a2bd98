package com.syncwell.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.Map;
import java.util.Objects;

/**
 * One incoming call as a route handler sees it: path parameters, query, form, headers, body, and —
 * for authenticated routes — the caller's account and OAuth client.
 */
public final class Call {
  private final Context context;
  private final Route route;
  private final Map<String, String> params;
  private final Object principal;

  public Call(Context context, Route route, Map<String, String> params, Object principal) {
    this.context = Objects.requireNonNull(context, "context");
    this.route = route;
    this.params = params;
    this.principal = principal;
  }

  public Route route() {
    return route;
  }

  public String param(String name) {
    return params.get(name);
  }

  public String query(String name) {
    return context.queryParam(name);
  }

  public Map<String, java.util.List<String>> queryMap() {
    return context.queryParamMap();
  }

  public String header(String name) {
    return context.header(name);
  }

  /** A form field, falling back to the query string (Strava accepts both). */
  public String form(String name) {
    String value = null;
    String type = context.contentType();
    if (type != null
        && (type.startsWith("application/x-www-form-urlencoded")
            || type.startsWith("multipart/form-data"))) {
      value = context.formParam(name);
    }
    return value != null ? value : context.queryParam(name);
  }

  public UploadedFile file(String name) {
    return context.uploadedFile(name);
  }

  public byte[] body() {
    return context.bodyAsBytes();
  }

  /** The body as JSON; null when it does not parse. */
  public JsonNode json() {
    return Json.parse(context.bodyAsBytes());
  }

  public String contentType() {
    return context.contentType();
  }

  @SuppressWarnings("unchecked")
  public <T> T principal() {
    return (T) principal;
  }
}
