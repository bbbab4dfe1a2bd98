package com.syncwell.api.auth;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies RS256 bearer JWTs from Firebase Authentication, an Amazon Cognito user pool and the
 * {@link DevIssuer}, any of them enabled (ARCHITECTURE.md §9).
 *
 * <p>A token goes through: the {@code Bearer} scheme; its length (before any parsing); the
 * remembered verified tokens (a hit costs a SHA-256 and a map lookup); the compact form and {@code
 * alg} (RS256 only, so {@code none} and HS256-with-the-public-key are refused before any key is
 * touched); {@code iss}, which picks the issuer's own Nimbus processor; in it the signature against
 * the issuer's JWKS (fetched and refreshed as {@link JwksCache} describes), then {@link
 * ClaimsCheck} (time claims against the injected clock, audience, subject). A verified token is
 * remembered until its {@code exp}.
 *
 * <p>Build one with {@link #builder(Clock)}. <b>Threading:</b> safe for concurrent use. <b>Never
 * throws</b> for any header value; the token never appears in a detail or a log line.
 */
public final class JwtAuthenticator implements Authenticator {
  /** Google's published JWKS of the keys that sign Firebase ID tokens. */
  public static final URI FIREBASE_JWKS_URL =
      URI.create(
          "https://www.googleapis.com/service_accounts/v1/jwk/securetoken@system.gserviceaccount.com");

  /** The issuer of a Firebase project's ID tokens is this followed by the project id. */
  public static final String FIREBASE_ISSUER_PREFIX = "https://securetoken.google.com/";

  private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);
  private static final String BEARER = "bearer";

  private static final JOSEObjectTypeVerifier<SecurityContext> JWT_OR_UNTYPED =
      (type, context) -> {
        if (type != null && !"JWT".equalsIgnoreCase(type.getType())) {
          throw new TokenRefused(AuthFailure.MALFORMED_TOKEN, "The token is not a JWT.");
        }
      };

  private record Route(TrustedIssuer issuer, ConfigurableJWTProcessor<SecurityContext> processor) {}

  private final Map<String, Route> routes;
  private final AuthLimits limits;
  private final VerifiedTokens verified;
  private final AtomicLong verifications = new AtomicLong();

  private JwtAuthenticator(Iterable<TrustedIssuer> issuers, Clock clock, AuthLimits limits) {
    this.limits = limits;
    this.verified = new VerifiedTokens(clock, limits.verifiedTokens());
    Map<String, Route> byIssuer = new LinkedHashMap<>();
    for (TrustedIssuer issuer : issuers) {
      DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
      processor.setJWSTypeVerifier(JWT_OR_UNTYPED);
      processor.setJWSKeySelector(
          new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, issuer.keys()));
      processor.setJWTClaimsSetVerifier(new ClaimsCheck(issuer, clock, limits.clockSkew()));
      byIssuer.put(issuer.issuer(), new Route(issuer, processor));
    }
    this.routes = Map.copyOf(byIssuer);
  }

  /** A builder; enable at least one issuer. */
  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  @Override
  public AuthOutcome authenticate(String authorizationHeader) {
    try {
      return decide(authorizationHeader);
    } catch (RuntimeException e) {
      // A bug, not the caller's fault; still never an exception for a bad token. No message: it
      // might quote token content.
      LOG.warn("unexpected {} while verifying a bearer token", e.getClass().getName());
      return reject(AuthFailure.MALFORMED_TOKEN, "The token could not be read.");
    }
  }

  /** How many tokens were verified in full (not answered from the remembered ones); for tests. */
  long verifications() {
    return verifications.get();
  }

  private AuthOutcome decide(String header) {
    if (header == null) {
      return reject(AuthFailure.MISSING_TOKEN, "An Authorization: Bearer token is required.");
    }
    if (header.length() > limits.maxTokenLength() + 64) {
      return tooLarge();
    }
    String value = header.strip();
    if (value.length() <= BEARER.length()
        || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || !Character.isWhitespace(value.charAt(BEARER.length()))) {
      return reject(AuthFailure.MISSING_TOKEN, "An Authorization: Bearer token is required.");
    }
    String token = value.substring(BEARER.length()).strip();
    if (token.length() > limits.maxTokenLength()) {
      return tooLarge();
    }
    // Only a token that passed every check below is remembered, so a hit needs none of them.
    Optional<AuthOutcome.Authenticated> known = verified.find(token);
    if (known.isPresent()) {
      return known.get();
    }
    if (!compactJws(token)) {
      return reject(AuthFailure.MALFORMED_TOKEN, "The token is not a compact JWS.");
    }
    verifications.incrementAndGet();
    return verify(token);
  }

  private AuthOutcome verify(String token) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      Header header = Header.parse(new Base64URL(token.substring(0, token.indexOf('.'))));
      if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
        return reject(AuthFailure.UNSUPPORTED_ALGORITHM, "Only RS256-signed tokens are accepted.");
      }
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return reject(AuthFailure.MALFORMED_TOKEN, "The token is not a compact JWS.");
    }
    Route route = claims.getIssuer() == null ? null : routes.get(claims.getIssuer());
    if (route == null) {
      return reject(AuthFailure.UNKNOWN_ISSUER, "The token's issuer is not accepted.");
    }
    try {
      claims = route.processor().process(jwt, null);
    } catch (TokenRefused e) {
      return rejectFrom(route, e.rejection());
    } catch (BadJWSException e) {
      return rejectFrom(route, AuthFailure.INVALID_SIGNATURE, "The signature does not verify.");
    } catch (BadJWTException e) {
      return rejectFrom(route, AuthFailure.MALFORMED_TOKEN, "The token's claims cannot be read.");
    } catch (BadJOSEException e) {
      // What remains is Nimbus's "no matching key": the kid is unknown even after a refresh.
      return rejectFrom(
          route, AuthFailure.UNKNOWN_KEY, "The token's signing key is not one of the issuer's.");
    } catch (KeySourceException e) {
      return rejectFrom(
          route, AuthFailure.KEYS_UNAVAILABLE, "The issuer's signing keys cannot be fetched.");
    } catch (JOSEException e) {
      return rejectFrom(route, AuthFailure.INVALID_SIGNATURE, "The signature does not verify.");
    }
    TrustedIssuer issuer = route.issuer();
    String userId = issuer.userId(claims).orElseThrow(); // ClaimsCheck refused an unusable one
    AuthOutcome.Authenticated outcome =
        new AuthOutcome.Authenticated(userId, issuer.kind().label());
    verified.remember(token, outcome, claims.getExpirationTime().toInstant());
    return outcome;
  }

  /** Three base64url parts separated by dots, nothing else: cheap to check, before any parsing. */
  private static boolean compactJws(String token) {
    int dots = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '.') {
        dots++;
      } else if (!(c >= 'A' && c <= 'Z'
          || c >= 'a' && c <= 'z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '_')) {
        return false;
      }
    }
    return dots == 2 && token.indexOf('.') > 0;
  }

  private AuthOutcome tooLarge() {
    return reject(
        AuthFailure.TOKEN_TOO_LARGE,
        "The token is longer than " + limits.maxTokenLength() + " characters.");
  }

  private static AuthOutcome rejectFrom(Route route, AuthFailure failure, String detail) {
    return rejectFrom(route, new AuthOutcome.Rejected(failure, detail));
  }

  private static AuthOutcome rejectFrom(Route route, AuthOutcome.Rejected rejected) {
    LOG.debug("refused a {} token: {}", route.issuer().kind().label(), rejected.failure().code());
    return rejected;
  }

  private static AuthOutcome reject(AuthFailure failure, String detail) {
    LOG.debug("refused a bearer token: {}", failure.code());
    return new AuthOutcome.Rejected(failure, detail);
  }

  /**
   * Collects the enabled issuers. The composition root calls {@link #firebase} when {@code
   * SYNCWELL_AUTH_FIREBASE_PROJECT_ID} is set (with {@code SYNCWELL_AUTH_FIREBASE_JWKS_URL} if
   * set), {@link #cognito} when {@code SYNCWELL_AUTH_COGNITO_ISSUER} is set (with {@code
   * SYNCWELL_AUTH_COGNITO_CLIENT_ID} and, if set, {@code SYNCWELL_AUTH_COGNITO_JWKS_URL}), and
   * {@link #dev} when {@code SYNCWELL_AUTH_DEV} is {@code true}. Invalid settings throw {@link
   * IllegalArgumentException} with a one-line reason. Not thread-safe; use once.
   */
  public static final class Builder {
    private final Clock clock;
    private AuthLimits limits = AuthLimits.defaults();
    private String firebaseProjectId;
    private URI firebaseJwks;
    private String cognitoIssuer;
    private String cognitoClientId;
    private URI cognitoJwks;
    private DevIssuer dev;

    private Builder(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Accepts ID tokens of this Firebase project, with keys from {@link #FIREBASE_JWKS_URL}. */
    public Builder firebase(String projectId) {
      return firebase(projectId, FIREBASE_JWKS_URL);
    }

    /**
     * Accepts ID tokens of this Firebase project: {@code iss} {@code
     * https://securetoken.google.com/<projectId>}, {@code aud} the project id, user id {@code sub}.
     *
     * @param jwksUrl https, or http on a loopback host (tests)
     */
    public Builder firebase(String projectId, URI jwksUrl) {
      Objects.requireNonNull(projectId, "projectId");
      if (projectId.isBlank() || !projectId.matches("[A-Za-z0-9-]+")) {
        throw new IllegalArgumentException(
            "Firebase project id must be letters, digits and dashes");
      }
      this.firebaseProjectId = projectId;
      this.firebaseJwks = checkJwksUrl("Firebase", jwksUrl);
      return this;
    }

    /** Accepts tokens of this Cognito user pool, with keys from its {@code .well-known} JWKS. */
    public Builder cognito(String issuer, String clientId) {
      Objects.requireNonNull(issuer, "issuer");
      return cognito(issuer, clientId, URI.create(trimSlash(issuer) + "/.well-known/jwks.json"));
    }

    /**
     * Accepts tokens of this Cognito user pool: {@code iss} the pool's issuer URL; id tokens
     * ({@code token_use=id}) with {@code aud} = client id, access tokens ({@code token_use=access})
     * with {@code client_id} = client id; user id {@code custom:firebase_uid} when present, else
     * {@code sub}.
     *
     * @param issuer {@code https://cognito-idp.<region>.amazonaws.com/<poolId>}
     * @param jwksUrl https, or http on a loopback host (tests)
     */
    public Builder cognito(String issuer, String clientId, URI jwksUrl) {
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(clientId, "clientId");
      String trimmed = trimSlash(issuer.strip());
      URI parsed;
      try {
        parsed = new URI(trimmed);
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("Cognito issuer is not a URL");
      }
      if (!"https".equalsIgnoreCase(parsed.getScheme()) || parsed.getHost() == null) {
        throw new IllegalArgumentException("Cognito issuer must be an https URL");
      }
      if (clientId.isBlank()) {
        throw new IllegalArgumentException("Cognito client id is required with a Cognito issuer");
      }
      this.cognitoIssuer = trimmed;
      this.cognitoClientId = clientId.strip();
      this.cognitoJwks = checkJwksUrl("Cognito", jwksUrl);
      return this;
    }

    /** Accepts the dev issuer's tokens, with its public keys handed over in-process. */
    public Builder dev(DevIssuer devIssuer) {
      this.dev = Objects.requireNonNull(devIssuer, "devIssuer");
      return this;
    }

    public Builder limits(AuthLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * @throws IllegalStateException when no issuer is enabled, or two have the same {@code iss}
     */
    public JwtAuthenticator build() {
      Map<String, TrustedIssuer> issuers = new LinkedHashMap<>();
      if (firebaseProjectId != null) {
        add(
            issuers,
            new TrustedIssuer(
                IssuerKind.FIREBASE,
                FIREBASE_ISSUER_PREFIX + firebaseProjectId,
                firebaseProjectId,
                new JwksCache("firebase", toUrl(firebaseJwks), clock, limits)));
      }
      if (cognitoIssuer != null) {
        add(
            issuers,
            new TrustedIssuer(
                IssuerKind.COGNITO,
                cognitoIssuer,
                cognitoClientId,
                new JwksCache("cognito", toUrl(cognitoJwks), clock, limits)));
      }
      if (dev != null) {
        add(
            issuers,
            new TrustedIssuer(
                IssuerKind.DEV,
                DevIssuer.ISSUER,
                DevIssuer.AUDIENCE,
                new ImmutableJWKSet<>(dev.publicKeys())));
      }
      if (issuers.isEmpty()) {
        throw new IllegalStateException(
            "no identity provider enabled: configure Firebase, Cognito or the dev issuer");
      }
      return new JwtAuthenticator(issuers.values(), clock, limits);
    }

    private static void add(Map<String, TrustedIssuer> issuers, TrustedIssuer issuer) {
      if (issuers.putIfAbsent(issuer.issuer(), issuer) != null) {
        throw new IllegalStateException("two identity providers share the issuer URL");
      }
    }

    private static URI checkJwksUrl(String provider, URI url) {
      Objects.requireNonNull(url, provider + " JWKS URL");
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      String host = url.getHost();
      boolean loopback =
          "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
      if (host == null || !(scheme.equals("https") || scheme.equals("http") && loopback)) {
        throw new IllegalArgumentException(
            provider + " JWKS URL must be an https URL (http only on a loopback host)");
      }
      return url;
    }

    private static URL toUrl(URI uri) {
      try {
        return uri.toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("JWKS URL is not a URL", e);
      }
    }

    private static String trimSlash(String url) {
      String trimmed = url;
      while (trimmed.endsWith("/")) {
        trimmed = trimmed.substring(0, trimmed.length() - 1);
      }
      return trimmed;
    }
  }
}
