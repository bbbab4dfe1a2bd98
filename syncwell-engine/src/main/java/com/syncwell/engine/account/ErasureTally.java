package com.syncwell.engine.account;

/**
 * What one run of {@link DeleteAccount} did.
 *
 * @param grantsRevoked connections whose grant the provider accepted to revoke
 * @param revocationsFailed connections whose grant could not be revoked (provider down, no
 *     connector configured, tokens that no longer decrypt); they were deleted all the same
 * @param providerAccountsReleased webhook routing items of the user's provider accounts deleted
 * @param jobsCancelled unfinished jobs cancelled before their items were deleted
 * @param itemsDeleted items of the user's partition deleted, the profile not counted
 */
public record ErasureTally(
    int grantsRevoked,
    int revocationsFailed,
    int providerAccountsReleased,
    int jobsCancelled,
    long itemsDeleted) {}
