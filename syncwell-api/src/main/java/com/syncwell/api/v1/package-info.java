/**
 * The resources of API v1 (INTERFACE.md's route table): providers, the user's profile and settings,
 * account erasure, connections, sync configs, sync jobs, export jobs and provider webhooks.
 * Handlers parse and validate input, call one engine use case and render its outcome; another
 * user's resource is always 404.
 */
package com.syncwell.api.v1;
