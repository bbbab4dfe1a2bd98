package com.syncwell.api.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches the keyset over HTTP(S) with the JDK client: no redirects, one deadline for the whole
 * exchange (connect, headers and body) and a bound on the body size, so a slow or hostile host
 * cannot hold a webhook request past its 2 s budget or fill the heap.
 */
final class HttpKeysetSource implements KeysetSource {
  static final Duration DEADLINE = Duration.ofMillis(1500);
  static final int MAX_BYTES = 64 * 1024;

  private final URI url;
  private final Duration deadline;
  private final HttpClient client;

  HttpKeysetSource(URI url) {
    this(url, DEADLINE);
  }

  HttpKeysetSource(URI url, Duration deadline) {
    this.url = Objects.requireNonNull(url, "url");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(deadline)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public String fetch() throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(deadline)
            .header("Accept", "application/json")
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> answer =
        client.sendAsync(
            request,
            info ->
                info.statusCode() == 200
                    ? new BoundedBody(MAX_BYTES)
                    : HttpResponse.BodySubscribers.replacing(new byte[0]));
    HttpResponse<byte[]> response;
    try {
      response = answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new IOException("the keyset host did not answer within " + deadline.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching the keyset", e);
    }
    if (response.statusCode() != 200) {
      throw new IOException("the keyset host answered " + response.statusCode());
    }
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** Collects the body, failing as soon as it grows past the bound. */
  private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int max;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    BoundedBody(int max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : items) {
        if (bytes.size() + buffer.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(
              new IOException("the keyset is larger than " + max + " bytes"));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable failure) {
      result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
