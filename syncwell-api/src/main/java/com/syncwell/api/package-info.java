/** The public HTTP API v1 (ARCHITECTURE.md §9): routes, problem+json errors, correlation ids. */
package com.syncwell.api;
