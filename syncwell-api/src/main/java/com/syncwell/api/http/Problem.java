package com.syncwell.api.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An RFC 9457 problem: rendered as {@code application/problem+json} with {@code type} ({@code
 * https://syncwell.dev/problems/<code>}), {@code title} (fixed per code), {@code status}, {@code
 * detail}, the stable {@code code}, the request's {@code correlationId}, and for a bad field its
 * name in {@code field}. Details are written by this API; they never carry library messages, class
 * names, tokens or stack traces.
 *
 * @param extensions further members (e.g. {@code errors}, {@code failing}); values must be JSON
 *     renderable (strings, numbers, lists, maps)
 */
public record Problem(
    int status,
    String code,
    String detail,
    Optional<String> field,
    Map<String, Object> extensions) {
  public static final String TYPE_BASE = "https://syncwell.dev/problems/";
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,63}");

  public Problem {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a problem is a 4xx or 5xx, not " + status);
    }
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("problem code must be lower_snake: " + code);
    }
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(field, "field");
    extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  public static Problem of(int status, String code, String detail) {
    return new Problem(status, code, detail, Optional.empty(), Map.of());
  }

  /** A 400 naming the offending field (a JSON path like {@code dateRange.from}). */
  public static Problem badField(String code, String field, String detail) {
    return new Problem(400, code, detail, Optional.of(field), Map.of());
  }

  /** A copy naming the offending {@code field}. */
  public Problem withField(String name) {
    return new Problem(status, code, detail, Optional.of(name), extensions);
  }

  /** A copy with one more extension member. */
  public Problem with(String member, Object value) {
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(extensions);
    copy.put(member, value);
    return new Problem(status, code, detail, field, copy);
  }

  /** {@code https://syncwell.dev/problems/<code>}. */
  public String type() {
    return TYPE_BASE + code;
  }

  /** A short fixed title per code: {@code missing_field} is "Missing field". */
  public String title() {
    String words = code.replace('_', ' ');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  /** The problem document as an ordered map, ready for the JSON mapper. */
  public Map<String, Object> document(String correlationId) {
    LinkedHashMap<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", type());
    doc.put("title", title());
    doc.put("status", status);
    doc.put("detail", detail);
    doc.put("code", code);
    doc.put("correlationId", correlationId);
    field.ifPresent(f -> doc.put("field", f));
    extensions.forEach(doc::putIfAbsent);
    return doc;
  }

  /** The problem as a response. */
  public ApiResponse toResponse(String correlationId) {
    return new ApiResponse(
        status,
        Optional.of(ApiResponse.PROBLEM_JSON),
        Map.of(),
        Json.write(document(correlationId)));
  }

  /** One entry of an {@code errors} list: {@code {field, code, detail}}. */
  public static Map<String, Object> fieldError(String field, String code, String detail) {
    LinkedHashMap<String, Object> e = new LinkedHashMap<>();
    e.put("field", field);
    e.put("code", code);
    e.put("detail", detail);
    return e;
  }

  /** A 400 listing several bad fields in {@code errors}; {@code field} names the first. */
  public static Problem badFields(List<Map<String, Object>> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("no errors");
    }
    Map<String, Object> first = errors.get(0);
    return new Problem(
            400,
            (String) first.get("code"),
            (String) first.get("detail"),
            Optional.of((String) first.get("field")),
            Map.of())
        .with("errors", List.copyOf(errors));
  }
}
