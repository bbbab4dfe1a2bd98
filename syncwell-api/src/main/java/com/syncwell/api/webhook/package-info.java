/**
 * Provider webhooks: verification handshakes, secret and signature checks, routing a provider
 * account to its connection, and coalesced sync requests ({@link
 * com.syncwell.engine.sync.RequestSyncOnProviderChange}). Framework-independent: the HTTP layer
 * hands a {@link com.syncwell.api.webhook.WebhookRequest} to the {@link
 * com.syncwell.api.webhook.WebhookReceiver} of the path's provider ({@link
 * com.syncwell.api.webhook.FitbitWebhookReceiver}, {@link
 * com.syncwell.api.webhook.StravaWebhookReceiver}) and renders its {@link
 * com.syncwell.api.webhook.WebhookReply}.
 */
package com.syncwell.api.webhook;
