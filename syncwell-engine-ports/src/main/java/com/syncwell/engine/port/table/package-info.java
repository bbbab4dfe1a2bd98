/**
 * The single-table metadata store (ARCHITECTURE.md §5): a small, DynamoDB-shaped primitive on which
 * every domain store is written once.
 */
package com.syncwell.engine.port.table;
