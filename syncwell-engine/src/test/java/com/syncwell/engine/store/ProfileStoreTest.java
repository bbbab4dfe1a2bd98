package com.syncwell.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.domain.ConflictStrategy;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.VersionConflict;
import com.syncwell.engine.port.table.Written;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
  @TempDir Path dir;
  private StoreFixture fx;
  private ProfileStore profiles;

  @BeforeEach
  void open() {
    fx = new StoreFixture(dir);
    profiles = new ProfileStore(fx.table, fx.clock);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void a_profile_lives_at_the_users_profile_key_and_is_created_once() {
    assertThat(profiles.get("user-1")).isEmpty();

    Profile created = profiles.getOrCreate("user-1");

    assertThat(fx.table.get(ItemKey.of("USER#user-1", "PROFILE"))).isPresent();
    assertThat(profiles.get("user-1")).contains(created);
    assertThat(profiles.getOrCreate("user-1")).isEqualTo(created);
    assertThat(created.tier()).isEqualTo(Tier.FREE);
  }

  @Test
  void settings_are_replaced_only_at_the_expected_version() {
    Profile p = profiles.getOrCreate("user-1");
    UserSettings wanted = new UserSettings(ConflictStrategy.DEST_WINS, false);

    assertThat(profiles.updateSettingsIfVersion("user-1", wanted, p.version() + 1))
        .isInstanceOf(VersionConflict.class);
    assertThat(profiles.updateSettingsIfVersion("user-1", wanted, p.version()))
        .isInstanceOf(Written.class);
    Profile after = profiles.get("user-1").orElseThrow();
    assertThat(after.settings()).isEqualTo(wanted);
    assertThat(after.createdAt()).isEqualTo(p.createdAt());
    assertThat(after.version()).isEqualTo(p.version() + 1);
  }

  @Test
  void marking_for_erasure_keeps_the_settings_and_the_first_mark_and_survives_settings_changes() {
    Profile p = profiles.getOrCreate("user-1");
    profiles.updateSettingsIfVersion(
        "user-1", new UserSettings(ConflictStrategy.DEST_WINS, false), p.version());
    fx.clock.advance(java.time.Duration.ofMinutes(1));

    Profile marked = profiles.markBeingErased("user-1");
    fx.clock.advance(java.time.Duration.ofMinutes(1));
    Profile again = profiles.markBeingErased("user-1");

    assertThat(marked.isBeingErased()).isTrue();
    assertThat(marked.erasingSince()).contains(fx.clock.instant().minusSeconds(60));
    assertThat(again).isEqualTo(marked);
    assertThat(marked.settings().defaultConflictStrategy()).isEqualTo(ConflictStrategy.DEST_WINS);
    assertThat(profiles.updateSettingsIfVersion("user-1", UserSettings.DEFAULT, marked.version()))
        .isInstanceOf(Written.class);
    assertThat(profiles.get("user-1").orElseThrow().isBeingErased()).isTrue();
    assertThat(marked.toString()).contains("being erased").doesNotContain("user-1");
  }

  @Test
  void marking_an_account_without_a_profile_creates_a_marked_one_that_is_deleted_by_version() {
    Profile marked = profiles.markBeingErased("user-2");

    assertThat(marked.isBeingErased()).isTrue();
    assertThat(profiles.getOrCreate("user-2")).isEqualTo(marked);
    assertThat(profiles.deleteIfVersion("user-2", marked.version() + 1))
        .isInstanceOf(VersionConflict.class);
    assertThat(profiles.deleteIfVersion("user-2", marked.version()))
        .isInstanceOf(com.syncwell.engine.port.table.Deleted.class);
    assertThat(profiles.getOrCreate("user-2").isBeingErased()).isFalse();
  }

  @Test
  void a_missing_profile_cannot_be_updated() {
    assertThat(profiles.updateSettingsIfVersion("user-1", UserSettings.DEFAULT, 1))
        .isInstanceOf(VersionConflict.class);
  }
}
