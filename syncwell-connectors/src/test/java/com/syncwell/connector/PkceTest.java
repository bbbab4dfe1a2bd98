package com.syncwell.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkceTest {

  @Test
  void the_challenge_matches_the_rfc_7636_example() {
    assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void verifiers_are_43_url_safe_characters_and_never_repeat() {
    String a = Pkce.newVerifier();
    String b = Pkce.newVerifier();

    assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(a).isNotEqualTo(b);
  }
}
