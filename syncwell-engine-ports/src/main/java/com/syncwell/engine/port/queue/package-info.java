/** The job queue (ARCHITECTURE.md §6): SQS semantics on every runtime. */
package com.syncwell.engine.port.queue;
