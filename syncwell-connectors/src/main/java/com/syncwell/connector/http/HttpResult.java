package com.syncwell.connector.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A provider's answer: status, headers and the body bytes. */
public record HttpResult(int status, HttpHeaders headers, byte[] body) {
  public HttpResult {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
