/**
 * Workout files: the canonical {@link com.syncwell.domain.Workout} to and from FIT (Garmin FIT
 * SDK), TCX (XML) and GPX (jpx). Reading never throws on a bad file: it returns {@link
 * com.syncwell.connector.files.FileReadOutcome.Unreadable} with a reason.
 */
package com.syncwell.connector.files;
