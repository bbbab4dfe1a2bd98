package com.syncwell.api.webhook;

/**
 * One provider's webhook endpoint ({@code GET, POST /v1/webhooks/{provider}}), independent of the
 * HTTP framework: the API hands it the raw request and writes back its reply.
 *
 * <p><b>Threading:</b> safe for concurrent use. <b>Latency:</b> answers within 2 s; it only
 * verifies, maps the provider account to a user and requests coalesced syncs, never calls the
 * provider's data API. <b>Trust:</b> a request whose secret or signature does not verify has no
 * side effect; event content is trusted no further than "something changed for this account in this
 * interval". <b>Errors:</b> expected refusals are replies (401, 400, 404 ...), not exceptions; an
 * exception means an internal failure (the API answers 500 or 503 and the provider retries).
 */
public interface WebhookReceiver {

  /** The provider id in the path, e.g. {@code fitbit}, {@code strava}. */
  String provider();

  WebhookReply handle(WebhookRequest request);
}
