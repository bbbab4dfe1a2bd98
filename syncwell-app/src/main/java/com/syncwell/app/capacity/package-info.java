/**
 * The capacity and cost model ({@code syncwell capacity}): the traffic model of ARCHITECTURE.md §1
 * from assumptions (or from a measured traffic profile), the monthly cost of the Lambda design and
 * of a fleet of {@code serve} processes sized from this project's benchmarks, priced from a
 * versioned data file of unit prices and assumptions ({@code capacity/prices-*.yaml}).
 */
package com.syncwell.app.capacity;
