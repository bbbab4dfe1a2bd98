/**
 * The metadata table on Amazon DynamoDB (ARCHITECTURE.md §5): {@link
 * com.syncwell.aws.dynamodb.DynamoDbMetadataTable}, the table's schema and creation ({@link
 * com.syncwell.aws.dynamodb.DynamoDbTableSchema}) and the client factory ({@link
 * com.syncwell.aws.dynamodb.DynamoDbClients}). Tested against dynalite.
 */
package com.syncwell.aws.dynamodb;
