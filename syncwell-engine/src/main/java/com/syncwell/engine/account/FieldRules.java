package com.syncwell.engine.account;

import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules the use cases apply to fields as received from a client. */
final class FieldRules {
  /** Longest id the stores accept (ARCHITECTURE.md §5 key parts). */
  static final int MAX_ID_LENGTH = 128;

  static final int MAX_REDIRECT_URI_LENGTH = 2048;

  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  static final String DATA_TYPES =
      Arrays.stream(DataType.values()).map(DataType::wireName).collect(Collectors.joining(", "));

  static final String STRATEGIES =
      Arrays.stream(ConflictStrategy.values())
          .map(ConflictStrategy::wireName)
          .collect(Collectors.joining(", "));

  private FieldRules() {}

  /**
   * True when {@code id} could name a stored resource: 1 to 128 characters, no {@code #}, no
   * control characters. Anything else names nothing, so callers answer not-found without a lookup.
   */
  static boolean isId(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      return false;
    }
    return id.chars().noneMatch(c -> c == '#' || Character.isISOControl(c));
  }

  /** PKCE verifiers and S256 challenges: 43 to 128 characters of {@code [A-Za-z0-9-._~]}. */
  static boolean isPkceValue(String value) {
    if (value == null || value.length() < 43 || value.length() > 128) {
      return false;
    }
    return value
        .chars()
        .allMatch(
            c ->
                (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~');
  }

  /**
   * The redirect URI when it is acceptable: absolute, hierarchical, with a host, without user info
   * or fragment, https — or http on localhost, 127.0.0.1 or [::1] for development.
   */
  static Optional<URI> redirectUri(String raw) {
    if (raw == null || raw.isEmpty() || raw.length() > MAX_REDIRECT_URI_LENGTH) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (!uri.isAbsolute()
        || uri.isOpaque()
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null) {
      return Optional.empty();
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (scheme.equals("https") || (scheme.equals("http") && LOOPBACK_HOSTS.contains(host))) {
      return Optional.of(uri);
    }
    return Optional.empty();
  }

  static final String REDIRECT_URI_RULE =
      "must be an absolute https URI without user info or fragment, or http on localhost,"
          + " 127.0.0.1 or [::1]";

  static final String PKCE_RULE =
      "must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_', '~'";
}
