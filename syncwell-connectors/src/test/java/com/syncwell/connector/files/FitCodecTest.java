package com.syncwell.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.garmin.fit.BufferEncoder;
import com.garmin.fit.Decode;
import com.garmin.fit.File;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.FitListener;
import com.garmin.fit.FitMessages;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import com.syncwell.connector.files.FileReadOutcome.Read;
import com.syncwell.connector.files.FileReadOutcome.Unreadable;
import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import com.syncwell.domain.Workout;
import com.syncwell.testkit.ProviderFixtures;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FitCodecTest {
  private final FitCodec codec = new FitCodec();

  /** The types FIT has no pair for, and what they read back as. */
  private static final Map<SportType, SportType> FIT_LOSSES =
      Map.of(
          SportType.VELOMOBILE, SportType.CYCLING,
          SportType.CROSSFIT, SportType.WORKOUT,
          SportType.SKATEBOARDING, SportType.OTHER);

  static Read read(byte[] file) {
    FileReadOutcome outcome = new FitCodec().read(file);
    assertThat(outcome).isInstanceOf(Read.class);
    return (Read) outcome;
  }

  @Test
  void fenix_run_reads_as_a_21_sample_run_in_its_local_offset() {
    Read read = read(ProviderFixtures.bytes("workout-files/" + "garmin-fenix-5-run.fit"));
    Workout w = read.workout();

    assertThat(w.sport()).isEqualTo(SportType.RUNNING);
    assertThat(w.start()).isEqualTo(OffsetDateTime.parse("2017-06-11T07:34:09-07:00"));
    assertThat(w.start().getOffset()).isEqualTo(ZoneOffset.ofHours(-7));
    assertThat(w.end()).isEqualTo(OffsetDateTime.parse("2017-06-11T07:35:06-07:00"));
    assertThat(w.movingTime()).contains(Duration.ofMillis(56_887));
    assertThat(w.distanceMetres().getAsDouble()).isCloseTo(157.56, within(0.001));
    assertThat(w.energyJoules().getAsDouble()).isEqualTo(5 * 4184.0);
    assertThat(w.elevationGainMetres()).hasValue(2.0);
    assertThat(w.averageHeartRateBpm()).hasValue(90);
    assertThat(w.maxHeartRateBpm()).hasValue(112);
    assertThat(w.samples()).hasSize(21).allMatch(TrackPoint::hasPosition);
    assertThat(w.samples()).allMatch(p -> p.heartRateBpm() != null && p.cadenceRpm() != null);
    TrackPoint first = w.samples().getFirst();
    assertThat(first.time()).isEqualTo(Instant.parse("2017-06-11T14:34:09Z"));
    assertThat(first.latitude()).isCloseTo(38.2297873, within(1e-6));
    assertThat(first.longitude()).isCloseTo(-122.6337039, within(1e-6));
    assertThat(first.heartRateBpm()).isEqualTo(61);
    assertThat(w.samples().getLast().time()).isEqualTo(Instant.parse("2017-06-11T14:35:06Z"));
    assertThat(w.samples().getLast().distanceMetres()).isCloseTo(157.56, within(0.001));
    assertThat(read.notes()).isEmpty();
  }

  @Test
  void developer_fields_are_ignored_and_said_so() {
    Read read = read(ProviderFixtures.bytes("workout-files/" + "developer-types-sample.fit"));
    Workout w = read.workout();

    assertThat(read.notes())
        .contains("developer fields ignored", "no local time in the file: times are in UTC");
    assertThat(w.sport()).isEqualTo(SportType.RUNNING);
    assertThat(w.start()).isEqualTo(OffsetDateTime.parse("2017-01-17T17:06:47Z"));
    assertThat(w.samples()).hasSize(3424).allMatch(TrackPoint::hasPosition);
    assertThat(w.samples()).allMatch(p -> p.powerWatts() != null && p.heartRateBpm() != null);
    assertThat(w.distanceMetres().getAsDouble()).isCloseTo(6753.99, within(0.001));
    assertThat(w.movingTime()).contains(Duration.ofSeconds(3424));
  }

  @Test
  void elemnt_bolt_without_an_application_id_reads_as_a_ride() {
    Read read =
        read(
            ProviderFixtures.bytes(
                "workout-files/" + "elemnt-bolt-no-application-id-inside-developer-data-id.fit"));
    Workout w = read.workout();

    assertThat(w.sport()).isEqualTo(SportType.CYCLING);
    assertThat(w.start()).isEqualTo(OffsetDateTime.parse("2017-08-21T10:18:00+02:00"));
    assertThat(w.duration()).isEqualTo(Duration.ofSeconds(140));
    assertThat(w.movingTime()).contains(Duration.ofSeconds(132));
    assertThat(w.distanceMetres().getAsDouble()).isCloseTo(963.65, within(0.001));
    assertThat(w.elevationGainMetres()).hasValue(4.0);
    assertThat(w.samples()).hasSize(132);
    assertThat(w.samples().stream().filter(TrackPoint::hasPosition)).hasSize(131);
    assertThat(w.samples().stream().filter(p -> p.powerWatts() != null)).hasSize(115);
    assertThat(w.samples().stream().filter(p -> p.altitudeMetres() != null)).hasSize(56);
    assertThat(w.samples()).allMatch(p -> p.heartRateBpm() == null);
    assertThat(read.notes()).containsExactly("developer fields ignored");
  }

  @Test
  void a_file_cut_short_keeps_the_14_records_decoded_before_the_cut() {
    Read read = read(ProviderFixtures.bytes("workout-files/" + "activity-unexpected-eof.fit"));
    Workout w = read.workout();

    assertThat(read.notes())
        .anySatisfy(n -> assertThat(n).contains("cut short").contains("byte: 768"));
    assertThat(w.sport()).isEqualTo(SportType.RUNNING);
    assertThat(w.start()).isEqualTo(OffsetDateTime.parse("2012-04-09T21:22:26Z"));
    assertThat(w.samples()).hasSize(14).allMatch(TrackPoint::hasPosition);
    assertThat(w.samples().getLast().time()).isEqualTo(Instant.parse("2012-04-09T21:22:39Z"));
    assertThat(w.distanceMetres().getAsDouble()).isCloseTo(5.73, within(0.001));
  }

  @Test
  void the_crashed_strava_recording_keeps_236_samples_and_drops_the_record_dated_2085() {
    Read read =
        read(ProviderFixtures.bytes("workout-files/" + "strava-android-app-201.10-b1218918.fit"));
    Workout w = read.workout();

    assertThat(read.notes())
        .anySatisfy(n -> assertThat(n).contains("damaged or cut short"))
        .contains("dropped 1 records timed outside the session");
    assertThat(w.sport()).isEqualTo(SportType.RUNNING);
    assertThat(w.start()).isEqualTo(OffsetDateTime.parse("2021-09-27T14:13:10Z"));
    assertThat(w.duration()).isEqualTo(Duration.ofSeconds(3558));
    assertThat(w.distanceMetres().getAsDouble()).isCloseTo(11274.04, within(0.001));
    // Position and distance come in two records per second; they make one sample.
    assertThat(w.samples())
        .hasSize(236)
        .allMatch(p -> p.hasPosition() && p.distanceMetres() != null);
    assertThat(w.samples().getLast().time()).isEqualTo(Instant.parse("2021-09-27T14:18:24Z"));
  }

  @Test
  void a_damaged_crc_is_a_note_not_an_exception() {
    byte[] file = ProviderFixtures.bytes("workout-files/" + "garmin-fenix-5-run.fit");
    file[file.length - 1] ^= 0x5A;

    FileReadOutcome outcome = codec.read(file);

    assertThat(outcome).isInstanceOf(Read.class);
    assertThat(((Read) outcome).notes())
        .anySatisfy(n -> assertThat(n).containsAnyOf("integrity", "damaged"));
    assertThat(((Read) outcome).workout().samples()).hasSize(21);
  }

  @Test
  void a_header_followed_by_garbage_is_unreadable() {
    byte[] file = ProviderFixtures.bytes("workout-files/" + "garmin-fenix-5-run.fit");
    for (int i = 14; i < file.length; i++) {
      file[i] = (byte) 0xFF;
    }

    assertThat(codec.read(file)).isInstanceOf(Unreadable.class);
  }

  @Test
  void a_fit_file_that_is_not_an_activity_is_unreadable() {
    BufferEncoder encoder = new BufferEncoder(Fit.ProtocolVersion.V1_0);
    FileIdMesg fileId = new FileIdMesg();
    fileId.setType(File.SETTINGS);
    fileId.setManufacturer(255);
    encoder.write(fileId);

    assertThat(codec.read(encoder.close()))
        .isEqualTo(new Unreadable("FIT file is a settings file, not an activity"));
  }

  @Test
  void a_written_file_passes_the_sdk_integrity_check_and_decodes_as_an_activity() {
    Workout fenix =
        read(ProviderFixtures.bytes("workout-files/" + "garmin-fenix-5-run.fit")).workout();

    byte[] written = codec.write(fenix);

    assertThat(new Decode().checkFileIntegrity(new ByteArrayInputStream(written))).isTrue();
    FitListener listener = new FitListener();
    assertThat(new Decode().read(new ByteArrayInputStream(written), listener)).isTrue();
    FitMessages fit = listener.getFitMessages();
    assertThat(fit.getFileIdMesgs().getFirst().getType()).isEqualTo(File.ACTIVITY);
    assertThat(fit.getRecordMesgs()).hasSize(21);
    assertThat(fit.getLapMesgs()).hasSize(1);
    assertThat(fit.getSessionMesgs()).hasSize(1);
    assertThat(fit.getActivityMesgs()).hasSize(1);
    assertThat(fit.getSessionMesgs().getFirst().getSport()).isEqualTo(Sport.RUNNING);
  }

  @Test
  void the_zone_offset_survives_a_round_trip() {
    Workout w =
        Workout.of(
                SportType.HIKING,
                OffsetDateTime.parse("2024-05-01T09:00:00+05:30"),
                OffsetDateTime.parse("2024-05-01T10:00:00+05:30"))
            .withDistance(4200);

    Workout back = read(codec.write(w)).workout();

    assertThat(back.start()).isEqualTo(w.start());
    assertThat(back.start().getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
    assertThat(back.end()).isEqualTo(w.end());
    assertThat(back.sport()).isEqualTo(SportType.HIKING);
    assertThat(back.distanceMetres().getAsDouble()).isCloseTo(4200, within(0.01));
  }

  @ParameterizedTest
  @EnumSource(SportType.class)
  void every_sport_type_comes_back_from_fit_as_itself_or_its_documented_stand_in(SportType type) {
    Workout w =
        Workout.of(
            type,
            OffsetDateTime.parse("2024-05-01T09:00:00Z"),
            OffsetDateTime.parse("2024-05-01T10:00:00Z"));

    SportType back = read(codec.write(w)).workout().sport();

    assertThat(back).isEqualTo(FIT_LOSSES.getOrDefault(type, type));
    if (back != SportType.OTHER) {
      assertThat(back.family()).isEqualTo(type.family());
    }
  }

  @Test
  void sport_pairs_devices_write_read_as_the_nearest_type() {
    assertThat(FitSports.typeOf(Sport.RUNNING, SubSport.TRAIL)).isEqualTo(SportType.TRAIL_RUNNING);
    assertThat(FitSports.typeOf(Sport.RUNNING, null)).isEqualTo(SportType.RUNNING);
    assertThat(FitSports.typeOf(Sport.FITNESS_EQUIPMENT, SubSport.TREADMILL))
        .isEqualTo(SportType.TREADMILL_RUNNING);
    assertThat(FitSports.typeOf(Sport.CYCLING, SubSport.ROAD)).isEqualTo(SportType.CYCLING);
    assertThat(FitSports.typeOf(Sport.CYCLING, SubSport.BMX)).isEqualTo(SportType.CYCLING);
    assertThat(FitSports.typeOf(Sport.TRAINING, SubSport.STRENGTH_TRAINING))
        .isEqualTo(SportType.WEIGHT_TRAINING);
    assertThat(FitSports.typeOf(Sport.PADDLING, SubSport.GENERIC)).isEqualTo(SportType.OTHER);
    assertThat(FitSports.typeOf(null, null)).isEqualTo(SportType.OTHER);
  }
}
