/**
 * The provider contract, in the spirit of Kafka Connect and Airbyte: a {@link
 * com.syncwell.connector.Connector} describes a provider, lists cheap metadata of changed records,
 * fetches full records, writes records and runs OAuth. One sub-package per provider; {@code http}
 * holds what every provider shares (action tables, budgets, circuit breakers, call metering).
 */
package com.syncwell.connector;
