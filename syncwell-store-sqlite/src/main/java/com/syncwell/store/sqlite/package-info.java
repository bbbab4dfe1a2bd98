/**
 * Embedded adapters: the metadata table and the job queue in one SQLite file (WAL mode), for one
 * machine. They double as the fakes of engine tests, trusted because they pass the same contract
 * suites as the cloud adapters.
 */
package com.syncwell.store.sqlite;
