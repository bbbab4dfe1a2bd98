/**
 * The request pipeline of the API, independent of resources: route table, correlation ids, body
 * limit, content types, authentication, rate limits, idempotency keys, problem+json errors and
 * metrics. {@link com.syncwell.api.http.RequestPipeline} runs the steps in the order the README's
 * HTTP section lists; Javalin only carries bytes in and out.
 */
package com.syncwell.api.http;
