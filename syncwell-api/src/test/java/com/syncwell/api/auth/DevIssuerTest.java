package com.syncwell.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import com.syncwell.testkit.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevIssuerTest {
  private final MutableClock clock = MutableClock.startingAtNewYear();
  @TempDir Path dataDir;

  private JwtAuthenticator authenticatorFor(DevIssuer dev) {
    return JwtAuthenticator.builder(clock).dev(dev).build();
  }

  @Test
  void a_minted_token_authenticates_as_its_user_through_the_dev_issuer() {
    DevIssuer dev = DevIssuer.openOrCreate(dataDir, clock);

    String token = dev.mint("demo-user", Duration.ofHours(1));

    assertThat(authenticatorFor(dev).authenticate("Bearer " + token))
        .isEqualTo(new AuthOutcome.Authenticated("demo-user", "dev"));
  }

  @Test
  void a_minted_token_is_rs256_with_the_key_id_issuer_audience_and_lifetime()
      throws ParseException {
    DevIssuer dev = DevIssuer.openOrCreate(dataDir, clock);

    SignedJWT jwt = SignedJWT.parse(dev.mint("demo-user", Duration.ofMinutes(15)));

    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(dev.keyId()).isNotBlank();
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(DevIssuer.ISSUER);
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(DevIssuer.AUDIENCE);
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("demo-user");
    assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(clock.instant());
    assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
  }

  @Test
  void a_minted_token_expires_after_its_ttl() {
    DevIssuer dev = DevIssuer.openOrCreate(dataDir, clock);
    JwtAuthenticator authenticator = authenticatorFor(dev);
    String token = dev.mint("demo-user", Duration.ofMinutes(5));

    clock.advance(Duration.ofMinutes(5).plusSeconds(60));

    assertThat(authenticator.authenticate("Bearer " + token))
        .isInstanceOfSatisfying(
            AuthOutcome.Rejected.class,
            r -> assertThat(r.failure()).isEqualTo(AuthFailure.TOKEN_EXPIRED));
  }

  @Test
  void the_key_file_is_reused_by_a_later_instance_so_its_tokens_stay_valid() {
    DevIssuer before = DevIssuer.openOrCreate(dataDir, clock);
    String token = before.mint("demo-user", Duration.ofHours(1));

    DevIssuer after = DevIssuer.openOrCreate(dataDir, clock);

    assertThat(after.keyId()).isEqualTo(before.keyId());
    assertThat(authenticatorFor(after).authenticate("Bearer " + token))
        .isEqualTo(new AuthOutcome.Authenticated("demo-user", "dev"));
  }

  @Test
  void the_key_file_is_created_owner_only_in_a_missing_directory() throws IOException {
    Path nested = dataDir.resolve("a").resolve("b");

    DevIssuer.openOrCreate(nested, clock);

    Path file = nested.resolve(DevIssuer.KEY_FILE_NAME);
    assertThat(file).exists();
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    try (var names = Files.list(nested)) {
      assertThat(names.map(p -> p.getFileName().toString()))
          .containsExactly(DevIssuer.KEY_FILE_NAME);
    }
  }

  @Test
  void another_data_directory_is_another_key_whose_tokens_are_refused() {
    DevIssuer mine = DevIssuer.openOrCreate(dataDir.resolve("mine"), clock);
    DevIssuer theirs = DevIssuer.openOrCreate(dataDir.resolve("theirs"), clock);

    AuthOutcome outcome =
        authenticatorFor(mine).authenticate("Bearer " + theirs.mint("x", Duration.ofHours(1)));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            AuthOutcome.Rejected.class,
            r -> assertThat(r.failure()).isEqualTo(AuthFailure.UNKNOWN_KEY));
  }

  @Test
  void dev_tokens_are_refused_where_the_dev_issuer_is_not_enabled() {
    DevIssuer dev = DevIssuer.openOrCreate(dataDir, clock);
    JwtAuthenticator firebaseOnly =
        JwtAuthenticator.builder(clock)
            .firebase(Tokens.PROJECT, java.net.URI.create("http://127.0.0.1:9/jwks.json"))
            .build();

    assertThat(firebaseOnly.authenticate("Bearer " + dev.mint("x", Duration.ofHours(1))))
        .isInstanceOfSatisfying(
            AuthOutcome.Rejected.class,
            r -> assertThat(r.failure()).isEqualTo(AuthFailure.UNKNOWN_ISSUER));
  }

  @Test
  void a_corrupt_key_file_stops_startup_without_quoting_it() throws IOException {
    Files.writeString(
        dataDir.resolve(DevIssuer.KEY_FILE_NAME), "{\"kty\":\"RSA\",\"d\":\"s3cr3t\"");

    assertThatThrownBy(() -> DevIssuer.openOrCreate(dataDir, clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(DevIssuer.KEY_FILE_NAME)
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void a_public_key_alone_is_not_a_usable_key_file() throws IOException {
    DevIssuer dev = DevIssuer.openOrCreate(dataDir.resolve("src"), clock);
    Files.writeString(
        dataDir.resolve(DevIssuer.KEY_FILE_NAME), dev.publicKeys().getKeys().get(0).toJSONString());

    assertThatThrownBy(() -> DevIssuer.openOrCreate(dataDir, clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("private key");
  }

  @Test
  void mint_refuses_unusable_user_ids_and_lifetimes() {
    DevIssuer dev = DevIssuer.openOrCreate(dataDir, clock);

    for (String bad : new String[] {"", " ", "a#b", "a\nb", "x".repeat(129)}) {
      assertThatThrownBy(() -> dev.mint(bad, Duration.ofHours(1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> dev.mint("demo-user", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dev.mint("demo-user", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
