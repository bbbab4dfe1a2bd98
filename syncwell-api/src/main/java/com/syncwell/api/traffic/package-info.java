/**
 * The traffic recorder: what the API's callers do, aggregated per UTC day without any user
 * identity, exported as the measured traffic profile that {@code syncwell capacity --measured}
 * reconciles with the capacity model. Users are told apart by a keyed hash whose key is random,
 * kept in memory only and replaced every day; neither key nor hashes are ever exported.
 */
package com.syncwell.api.traffic;
