package com.syncwell.engine.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.store.crypto.TinkStateSigner;
import com.syncwell.testkit.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthorizationStatesTest {
  private static final URI REDIRECT = URI.create("https://app.example/oauth/callback");
  private final MutableClock clock = MutableClock.startingAtNewYear();
  private final AuthorizationStates states =
      new AuthorizationStates(TinkStateSigner.withFreshKey(), clock);

  private StateVerdict verify(String state) {
    return states.verify(state, "user-1", "strava", REDIRECT);
  }

  @Test
  void a_state_verifies_for_the_user_provider_and_redirect_it_was_issued_for() {
    String state = states.issue("user-1", "strava", REDIRECT);

    StateVerdict verdict = verify(state);

    assertThat(verdict).isInstanceOf(ValidState.class);
    assertThat(((ValidState) verdict).expiresAt())
        .isEqualTo(clock.instant().plus(AuthorizationStates.LIFETIME));
    assertThat(((ValidState) verdict).nonce()).hasSize(22);
  }

  @Test
  void two_states_have_different_nonces() {
    ValidState a = (ValidState) verify(states.issue("user-1", "strava", REDIRECT));
    ValidState b = (ValidState) verify(states.issue("user-1", "strava", REDIRECT));

    assertThat(a.nonce()).isNotEqualTo(b.nonce());
  }

  @Test
  void the_state_does_not_carry_the_user_id() {
    String state = states.issue("user-with-a-recognisable-id", "strava", REDIRECT);

    assertThat(state).doesNotContain("recognisable").doesNotContain("strava");
  }

  @Test
  void another_user_another_provider_or_another_redirect_make_it_invalid() {
    String state = states.issue("user-1", "strava", REDIRECT);

    assertThat(states.verify(state, "user-2", "strava", REDIRECT)).isInstanceOf(InvalidState.class);
    assertThat(states.verify(state, "user-1", "fitbit", REDIRECT)).isInstanceOf(InvalidState.class);
    assertThat(
            states.verify(
                state, "user-1", "strava", URI.create("https://app.example/oauth/callback2")))
        .isInstanceOf(InvalidState.class);
    assertThat(
            states.verify(
                state, "user-1", "strava", URI.create("https://app.example/oauth/callback?x=1")))
        .isInstanceOf(InvalidState.class);
  }

  @Test
  void changing_any_single_character_makes_it_invalid() {
    String state = states.issue("user-1", "strava", REDIRECT);

    for (int i = 0; i < state.length(); i++) {
      char c = state.charAt(i);
      char other = c == 'A' ? 'B' : (c == '.' ? 'x' : 'A');
      String tampered = state.substring(0, i) + other + state.substring(i + 1);
      assertThat(verify(tampered)).as("changed at %d", i).isInstanceOf(InvalidState.class);
    }
  }

  @Test
  void a_later_expiry_written_into_the_state_is_invalid_not_an_extension() {
    String state = states.issue("user-1", "strava", REDIRECT);
    String[] parts = state.split("\\.");
    long later = Long.parseLong(parts[2]) + 3600;

    String extended = parts[0] + "." + parts[1] + "." + later + "." + parts[3];

    assertThat(verify(extended)).isInstanceOf(InvalidState.class);
  }

  @Test
  void a_state_expires_ten_minutes_after_it_was_issued() {
    String state = states.issue("user-1", "strava", REDIRECT);

    clock.advance(AuthorizationStates.LIFETIME.minusSeconds(1));
    assertThat(verify(state)).isInstanceOf(ValidState.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(verify(state)).isInstanceOf(StateExpired.class);
  }

  @Test
  void an_expired_state_of_another_user_is_invalid_rather_than_expired() {
    String state = states.issue("user-1", "strava", REDIRECT);
    clock.advance(Duration.ofHours(1));

    assertThat(states.verify(state, "user-2", "strava", REDIRECT)).isInstanceOf(InvalidState.class);
  }

  @Test
  void a_state_signed_under_another_key_is_invalid() {
    AuthorizationStates elsewhere = new AuthorizationStates(TinkStateSigner.withFreshKey(), clock);

    assertThat(verify(elsewhere.issue("user-1", "strava", REDIRECT)))
        .isInstanceOf(InvalidState.class);
  }

  @Test
  void malformed_states_are_invalid_and_never_throw() {
    String valid = states.issue("user-1", "strava", REDIRECT);
    for (String bad :
        new String[] {
          null,
          "",
          ".",
          "s1...",
          "s1.a.b.c",
          "s2" + valid.substring(2),
          valid + ".x",
          valid.substring(0, valid.lastIndexOf('.')),
          valid.replace(valid.split("\\.")[2], "not-a-number"),
          valid.replace(valid.split("\\.")[2], "99999999999999999999999"),
          valid + "%%",
          "x".repeat(10_000)
        }) {
      assertThat(verify(bad)).as(String.valueOf(bad)).isInstanceOf(InvalidState.class);
    }
  }

  @Test
  void a_genuine_state_far_in_the_past_is_expired() {
    MutableClock early = new MutableClock(Instant.parse("2020-01-01T00:00:00Z"));
    TinkStateSigner key = TinkStateSigner.withFreshKey();
    String old = new AuthorizationStates(key, early).issue("user-1", "strava", REDIRECT);

    assertThat(new AuthorizationStates(key, clock).verify(old, "user-1", "strava", REDIRECT))
        .isInstanceOf(StateExpired.class);
  }
}
