/**
 * The simulated Google Health API v4 (SyncWell's {@code fitbit} provider) and Google OAuth, with
 * Google's JSON shapes, filters, paging and errors.
 */
package com.syncwell.simulator.google;
