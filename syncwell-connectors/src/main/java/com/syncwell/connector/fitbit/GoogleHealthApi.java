package com.syncwell.connector.fitbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.http.HttpResult;
import com.syncwell.connector.http.ProviderHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The Google Health API's REST surface as the readers and writers use it: every call goes through
 * {@link ProviderHttp}, counted against the per-user budget of the user's {@code healthUserId}.
 */
final class GoogleHealthApi {
  static final String SELF_SOURCES = "users/me/dataSourceFamilies/self-sources";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,63}");

  private final ProviderHttp http;
  private final GoogleHealthSettings settings;
  private final String root;

  GoogleHealthApi(ProviderHttp http, GoogleHealthSettings settings) {
    this.http = Objects.requireNonNull(http, "http");
    this.settings = Objects.requireNonNull(settings, "settings");
    String base = settings.baseUrl().toString();
    this.root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  GoogleHealthSettings settings() {
    return settings;
  }

  /** The per-user budget key: the Google healthUserId, else the connection (before it is known). */
  static String budgetKey(ProviderSession session) {
    return session.credentials().providerUserId().orElse("connection:" + session.connectionId());
  }

  static String dataPoints(String type) {
    return "/v4/users/me/dataTypes/" + type + "/dataPoints";
  }

  static String dataPoint(String type, String id) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a Google Health data point id");
    }
    return dataPoints(type) + "/" + id;
  }

  JsonNode get(ProviderSession session, String path, Map<String, String> query, String what) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path, query)).GET().header("Accept", "application/json");
    return GoogleJson.parse(http.send(session, budgetKey(session), request).body(), what);
  }

  byte[] getMedia(ProviderSession session, String path, Map<String, String> query) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, query)).GET();
    return http.send(session, budgetKey(session), request).body();
  }

  JsonNode post(ProviderSession session, String path, JsonNode body, String what) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path, Map.of()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(GoogleJson.bytes(body)))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
    HttpResult result = http.send(session, budgetKey(session), request);
    return GoogleJson.parse(result.body(), what);
  }

  URI uri(String path, Map<String, String> query) {
    if (query.isEmpty()) {
      return URI.create(root + path);
    }
    return URI.create(root + path + "?" + encode(query));
  }

  /** A query string or form body; spaces as {@code %20} so filters survive every decoder. */
  static String encode(Map<String, String> params) {
    StringJoiner joiner = new StringJoiner("&");
    params.forEach(
        (k, v) ->
            joiner.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
    return joiner.toString();
  }
}
