package com.syncwell.simulator.oauth;

import com.syncwell.simulator.data.Account;

/**
 * One consent: an account authorised a client with a scope. Tokens belong to a grant; revoking the
 * grant invalidates them all.
 */
public record Grant(
    String id,
    String provider,
    Account account,
    String clientId,
    String scope,
    String redirectUri,
    String codeChallenge,
    boolean offlineAccess) {}
