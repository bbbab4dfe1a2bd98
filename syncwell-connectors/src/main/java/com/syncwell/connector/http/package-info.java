/**
 * What every connector shares on the wire: one HTTP-result→action table per provider, rate budgets
 * that refuse a call before the provider has to, a circuit breaker per provider, token renewal on
 * 401, and metering of calls and bytes.
 */
package com.syncwell.connector.http;
