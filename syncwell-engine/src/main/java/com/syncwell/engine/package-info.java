/**
 * Use cases (RunSyncJob, DeleteAccount, ...) over the ports in {@code com.syncwell.engine.port},
 * which live in their own module (syncwell-engine-ports) so that adapters and contract suites need
 * not depend on the engine, and engine tests can run on the embedded adapters.
 */
package com.syncwell.engine;
