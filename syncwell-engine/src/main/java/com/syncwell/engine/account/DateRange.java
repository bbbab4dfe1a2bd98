package com.syncwell.engine.account;

import java.time.LocalDate;

/**
 * A range of days, both ends included; the use case checks {@code from} is not after {@code to}.
 */
public record DateRange(LocalDate from, LocalDate to) {}
