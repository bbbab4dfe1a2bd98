/**
 * The use cases behind the API's resources (ARCHITECTURE.md §9, INTERFACE.md "HTTP"), one small
 * class each, named as a verb phrase, free of any HTTP framework: the profile and settings ({@link
 * com.syncwell.engine.account.GetProfile}, {@link com.syncwell.engine.account.UpdateSettings}),
 * providers ({@link com.syncwell.engine.account.ListProviders}), connecting a provider account
 * ({@link com.syncwell.engine.account.StartAuthorization}, {@link
 * com.syncwell.engine.account.CompleteAuthorization}), connections, sync configs, sync requests
 * ({@link com.syncwell.engine.account.RequestSync}), job views, and the user's GDPR rights: account
 * erasure ({@link com.syncwell.engine.account.DeleteAccount}) and data export ({@link
 * com.syncwell.engine.account.RequestExport}, {@link com.syncwell.engine.account.GetExport}).
 *
 * <p>Rules every use case follows:
 *
 * <ul>
 *   <li>The user id is a parameter of its own, which the caller takes from the verified token;
 *       request bodies never carry one. Every read is in that user's partition, so another user's
 *       resource is refused exactly as a missing one (the same not-found outcome).
 *   <li>Outcomes are sealed interfaces of records: a success, or a {@link
 *       com.syncwell.engine.account.Refusal} with a stable lower_snake {@code code()} for
 *       problem+json. Refusal records are shared between use cases (hence one package: a sealed
 *       interface permits only types of its own package).
 *   <li>Fields arrive as received (strings, possibly null) and are validated here: malformed is
 *       {@link com.syncwell.engine.account.InvalidField} naming the field, a malformed id is
 *       not-found.
 *   <li>Exceptions are for failures only: {@link com.syncwell.engine.port.StorageFailure} from the
 *       store, queue errors, broken invariants.
 * </ul>
 */
package com.syncwell.engine.account;
