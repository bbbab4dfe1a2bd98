package com.syncwell.api.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body of at most {@link #MAX_BYTES}: a larger declared {@code Content-Length} is
 * refused before reading, and a body without one (chunked) is refused as soon as it passes the
 * limit. The stream is left open: the server drains what is left before answering.
 */
public final class BodyReader {
  public static final int MAX_BYTES = 64 * 1024;

  private BodyReader() {}

  /**
   * @throws ProblemException 413 {@code payload_too_large}, or 400 {@code unreadable_body} when the
   *     stream broke
   */
  public static byte[] read(IncomingRequest in) {
    if (in.contentLength().isPresent() && in.contentLength().getAsLong() > MAX_BYTES) {
      throw tooLarge();
    }
    if (in.body() == null) {
      return new byte[0];
    }
    try {
      InputStream body = in.body();
      byte[] bytes = body.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw new ProblemException(
          Problem.of(400, "unreadable_body", "The request body could not be read completely."));
    }
  }

  private static ProblemException tooLarge() {
    return new ProblemException(
        Problem.of(413, "payload_too_large", "Request bodies are limited to 64 KiB."));
  }
}
