/** Bearer-token authentication: RS256 JWTs from Firebase, Cognito and the dev issuer. */
package com.syncwell.api.auth;
