package com.syncwell.simulator.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.simulator.http.Json;
import com.syncwell.simulator.http.Reply;
import java.util.Map;

/** Google's error bodies: {@code {"error":{code,message,status,details[ErrorInfo]}}}. */
final class GoogleErrors {
  static final String DOMAIN = "health.googleapis.com";

  private GoogleErrors() {}

  static Reply error(int code, String status, String message) {
    return error(code, status, message, null, Map.of());
  }

  static Reply error(
      int code, String status, String message, String reason, Map<String, String> metadata) {
    ObjectNode root = Json.object();
    ObjectNode e = root.putObject("error");
    e.put("code", code);
    e.put("message", message);
    e.put("status", status);
    if (reason != null) {
      ObjectNode info = e.putArray("details").addObject();
      info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
      info.put("reason", reason);
      info.put("domain", DOMAIN);
      if (!metadata.isEmpty()) {
        ObjectNode m = info.putObject("metadata");
        metadata.forEach(m::put);
      }
    }
    return Reply.json(code, root);
  }

  static Reply invalidArgument(String message, String reason, Map<String, String> metadata) {
    return error(400, "INVALID_ARGUMENT", message, reason, metadata);
  }

  static Reply oauth(int status, String error, String description) {
    ObjectNode n = Json.object();
    n.put("error", error);
    n.put("error_description", description);
    return Reply.json(status, n);
  }

  static Reply html(int status, String title, String text) {
    String body =
        "<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error "
            + status
            + " ("
            + title
            + ")!!1</title>\n  <p><b>"
            + status
            + ".</b> <ins>That\u2019s an error.</ins>\n  <p>"
            + text
            + "  <ins>That\u2019s all we know.</ins>\n";
    return Reply.text(status, "text/html; charset=UTF-8", body);
  }
}
