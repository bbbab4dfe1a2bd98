package com.syncwell.api.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (requests it refuses before the API sees them: unparseable request
 * lines, ambiguous URIs, oversized headers) as problem+json with a generated correlation id, never
 * Jetty's HTML page, its messages or a stack trace; the connection is closed after them.
 */
public final class JettyProblemErrors extends ErrorHandler {

  public JettyProblemErrors() {
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Object attribute = request.getAttribute(ERROR_STATUS);
    int status = attribute instanceof Integer i ? i : response.getStatus();
    String correlationId = CorrelationIds.generate();
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiResponse.PROBLEM_JSON);
    response.getHeaders().put(CorrelationIds.HEADER, correlationId);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    // Jetty refused the request before the API saw it and may not read another on this
    // connection; say so, or a client reusing it would find it closed.
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, ByteBuffer.wrap(body(status, correlationId)), callback);
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    String correlationId = CorrelationIds.generate();
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, ApiResponse.PROBLEM_JSON));
    fields.put(CorrelationIds.HEADER, correlationId);
    return ByteBuffer.wrap(body(status, correlationId));
  }

  private static byte[] body(int status, String correlationId) {
    int s = status >= 400 && status <= 599 ? status : 400;
    Problem p =
        switch (s) {
          case 413 -> Problem.of(413, "payload_too_large", "Request bodies are limited to 64 KiB.");
          case 414 -> Problem.of(414, "uri_too_long", "The request URI is too long.");
          case 431 -> Problem.of(431, "headers_too_large", "The request headers are too large.");
          case 404 -> Problem.of(404, "not_found", "No resource at this path.");
          case 405 -> Problem.of(405, "method_not_allowed", "This method is not supported.");
          case 505 ->
              Problem.of(
                  505, "http_version_not_supported", "Only HTTP/1.0, 1.1 and 2 are spoken here.");
          default ->
              s >= 500
                  ? Problem.of(s, "internal_error", "Something went wrong on our side.")
                  : Problem.of(s, "bad_request", "The request could not be understood.");
        };
    return Json.write(p.document(correlationId));
  }
}
