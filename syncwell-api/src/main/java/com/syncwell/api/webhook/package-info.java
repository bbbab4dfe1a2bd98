/** Provider webhooks: verification handshakes, signature checks, coalesced sync requests. */
package com.syncwell.api.webhook;
