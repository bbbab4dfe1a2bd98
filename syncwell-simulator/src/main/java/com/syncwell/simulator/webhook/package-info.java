/**
 * Outgoing webhooks: Strava push events (unsigned) and Google Health API subscriber notifications
 * (the subscriber secret in {@code Authorization}, an ECDSA P-256 Tink signature over the raw body
 * in {@code GOOGLE-HEALTH-API-SIGNATURE}), delivered on a background thread with bounded retries.
 */
package com.syncwell.simulator.webhook;
