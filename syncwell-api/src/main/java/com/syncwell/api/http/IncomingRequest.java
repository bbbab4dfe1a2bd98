package com.syncwell.api.http;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A request as the HTTP server received it, before the pipeline looked at it.
 *
 * @param method the request method, upper case
 * @param rawPath the path as sent, still percent-encoded, without the query
 * @param query query parameters, decoded
 * @param peerAddress the immediate peer's IP address (a proxy, when there is one)
 * @param contentLength the declared body length, when the request declared one
 * @param body the body stream, read at most once by the pipeline
 */
public record IncomingRequest(
    String method,
    String rawPath,
    Map<String, List<String>> query,
    Headers headers,
    String peerAddress,
    OptionalLong contentLength,
    InputStream body) {}
