package com.syncwell.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.syncwell.connector.files.FileReadOutcome.Read;
import com.syncwell.connector.files.FileReadOutcome.Unreadable;
import com.syncwell.domain.SportFamily;
import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import com.syncwell.domain.Workout;
import com.syncwell.testkit.ProviderFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TcxCodecTest {
  private final TcxCodec codec = new TcxCodec();

  private Read read(byte[] file) {
    FileReadOutcome outcome = codec.read(file);
    assertThat(outcome).isInstanceOf(Read.class);
    return (Read) outcome;
  }

  private Read read(String xml) {
    return read(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void forerunner_run_reads_its_three_laps_as_one_workout() {
    Read read =
        read(ProviderFixtures.bytes("workout-files/" + "tcxparser-test-forerunner410-run.tcx"));
    Workout w = read.workout();

    assertThat(w.sport()).isEqualTo(SportType.RUNNING);
    assertThat(w.title()).contains("Aerobics");
    assertThat(w.start()).isEqualTo(OffsetDateTime.parse("2012-12-26T21:29:53Z"));
    // Last lap: 21:51:56 + 669.51 s.
    assertThat(w.end()).isEqualTo(OffsetDateTime.parse("2012-12-26T22:03:05.510Z"));
    // The laps' times add up to 1992.78 s, 0.27 s more than start to end: moving time is capped.
    assertThat(w.movingTime()).contains(Duration.ofMillis(1_992_510));
    assertThat(w.distanceMetres().getAsDouble())
        .isCloseTo(1609.34399414 * 2 + 1470.5546875, within(1e-6));
    assertThat(w.energyJoules().getAsDouble()).isEqualTo((94 + 151 + 134) * 4184.0);
    assertThat(w.averageHeartRateBpm()).hasValue(160);
    assertThat(w.maxHeartRateBpm()).hasValue(189);
    assertThat(w.samples()).hasSize(384);
    assertThat(w.samples().stream().filter(TrackPoint::hasPosition)).hasSize(383);
    assertThat(w.samples().stream().filter(p -> p.heartRateBpm() != null)).hasSize(383);
    TrackPoint first = w.samples().getFirst();
    assertThat(first.latitude()).isEqualTo(35.951880198);
    assertThat(first.longitude()).isEqualTo(-79.0931872185);
    assertThat(first.heartRateBpm()).isEqualTo(62);
    // The file's final trackpoint has only a time.
    assertThat(w.samples().getLast())
        .isEqualTo(TrackPoint.at(Instant.parse("2012-12-26T22:03:05Z")));
    assertThat(read.notes())
        .containsExactly("TCX times are UTC and the file gives no local offset: times are in UTC");
  }

  @Test
  void pool_swim_without_gps_reads_as_other_with_distance_only_samples() {
    Workout w =
        read(ProviderFixtures.bytes("workout-files/" + "pool_swim-activity_1.tcx")).workout();

    assertThat(w.sport()).isEqualTo(SportType.OTHER);
    assertThat(w.start()).isEqualTo(OffsetDateTime.parse("2022-08-26T16:35:13Z"));
    assertThat(w.end()).isEqualTo(OffsetDateTime.parse("2022-08-26T17:00:44Z"));
    assertThat(w.distanceMetres()).hasValue(1500.0);
    assertThat(w.energyJoules()).hasValue(329 * 4184.0);
    assertThat(w.samples()).hasSize(32).noneMatch(TrackPoint::hasPosition);
    assertThat(w.samples()).allMatch(p -> p.distanceMetres() != null && p.heartRateBpm() == null);
    assertThat(w.samples().getLast().distanceMetres()).isEqualTo(1500.0);
  }

  @Test
  void a_local_offset_in_the_file_is_kept_as_fitbit_writes_it() {
    Workout w =
        read(tcx(
                "Biking",
                "2019-03-30T07:45:03.000-07:00",
                "<Track><Trackpoint><Time>2019-03-30T07:45:03.000-07:00</Time>"
                    + "<Position><LatitudeDegrees>37.1</LatitudeDegrees>"
                    + "<LongitudeDegrees>-122.2</LongitudeDegrees></Position>"
                    + "<HeartRateBpm><Value>101</Value></HeartRateBpm><Cadence>77</Cadence>"
                    + "<Extensions><TPX xmlns=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">"
                    + "<Watts>250</Watts></TPX></Extensions></Trackpoint></Track>"))
            .workout();

    assertThat(w.sport()).isEqualTo(SportType.CYCLING);
    assertThat(w.start()).isEqualTo(OffsetDateTime.parse("2019-03-30T07:45:03-07:00"));
    assertThat(w.start().getOffset()).isEqualTo(ZoneOffset.ofHours(-7));
    TrackPoint p = w.samples().getFirst();
    assertThat(p.time()).isEqualTo(Instant.parse("2019-03-30T14:45:03Z"));
    assertThat(p.heartRateBpm()).isEqualTo(101);
    assertThat(p.cadenceRpm()).isEqualTo(77);
    assertThat(p.powerWatts()).isEqualTo(250);
  }

  @Test
  void a_tcx_with_no_trackpoints_reads_as_a_summary_with_a_note() {
    Read read = read(tcx("Running", "2024-01-01T08:00:00Z", ""));

    assertThat(read.workout().samples()).isEmpty();
    assertThat(read.workout().duration()).isEqualTo(Duration.ofSeconds(1800));
    assertThat(read.workout().distanceMetres()).hasValue(5000.0);
    assertThat(read.notes()).contains("TCX activity has no trackpoints: summary only");
  }

  @Test
  void a_tcx_with_no_activity_is_unreadable() {
    String empty =
        "<TrainingCenterDatabase xmlns=\""
            + TcxCodec.NAMESPACE
            + "\"><Activities/></TrainingCenterDatabase>";

    assertThat(codec.read(empty.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new Unreadable("TCX file has no activity"));
  }

  @Test
  void an_xxe_doctype_is_refused_and_nothing_is_read_from_the_machine() {
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE TrainingCenterDatabase ["
            + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<TrainingCenterDatabase xmlns=\""
            + TcxCodec.NAMESPACE
            + "\"><Activities><Activity Sport=\"Running\"><Id>2024-01-01T08:00:00Z</Id>"
            + "<Notes>&xxe;</Notes><Lap StartTime=\"2024-01-01T08:00:00Z\">"
            + "<TotalTimeSeconds>60</TotalTimeSeconds></Lap></Activity></Activities>"
            + "</TrainingCenterDatabase>";

    FileReadOutcome outcome = codec.read(xxe.getBytes(StandardCharsets.UTF_8));

    assertThat(outcome).isEqualTo(new Unreadable(SafeXml.DOCTYPE_REFUSED));
  }

  @Test
  void a_gpx_file_is_not_a_tcx_file() {
    assertThat(codec.read(ProviderFixtures.bytes("workout-files/" + "around-visnjan-with-car.gpx")))
        .isEqualTo(new Unreadable("not a TCX file: the root element is <gpx>"));
  }

  @Test
  void hiking_is_written_as_other_and_reads_back_as_other() {
    Workout hike =
        Workout.of(
            SportType.HIKING,
            OffsetDateTime.parse("2024-01-01T08:00:00Z"),
            OffsetDateTime.parse("2024-01-01T09:00:00Z"));

    String xml = new String(codec.write(hike), StandardCharsets.UTF_8);

    assertThat(xml).contains("Sport=\"Other\"");
    assertThat(read(xml).workout().sport()).isEqualTo(SportType.OTHER);
  }

  @ParameterizedTest
  @EnumSource(SportType.class)
  void every_sport_type_keeps_its_family_through_tcx_where_tcx_can_name_it(SportType type) {
    Workout w =
        Workout.of(
            type,
            OffsetDateTime.parse("2024-01-01T08:00:00Z"),
            OffsetDateTime.parse("2024-01-01T09:00:00Z"));

    SportType back = read(codec.write(w)).workout().sport();

    if (type.family() == SportFamily.RUNNING) {
      assertThat(back).isEqualTo(SportType.RUNNING);
    } else if (type.family() == SportFamily.CYCLING) {
      assertThat(back).isEqualTo(SportType.CYCLING);
    } else {
      assertThat(back).isEqualTo(SportType.OTHER);
    }
    assertThat(back.isCompatibleWith(type)).isTrue();
  }

  @Test
  void the_tcx_sport_attribute_maps_back_to_running_cycling_and_other() {
    assertThat(TcxCodec.sportAttribute(SportType.TRAIL_RUNNING)).isEqualTo("Running");
    assertThat(TcxCodec.sportAttribute(SportType.GRAVEL_CYCLING)).isEqualTo("Biking");
    assertThat(TcxCodec.sportAttribute(SportType.SWIMMING)).isEqualTo("Other");
    assertThat(read(tcx("Running", "2024-01-01T08:00:00Z", "")).workout().sport())
        .isEqualTo(SportType.RUNNING);
    assertThat(read(tcx("Biking", "2024-01-01T08:00:00Z", "")).workout().sport())
        .isEqualTo(SportType.CYCLING);
    assertThat(read(tcx("Other", "2024-01-01T08:00:00Z", "")).workout().sport())
        .isEqualTo(SportType.OTHER);
    Read unknown = read(tcx("Rowing", "2024-01-01T08:00:00Z", ""));
    assertThat(unknown.workout().sport()).isEqualTo(SportType.OTHER);
    assertThat(unknown.notes()).anySatisfy(n -> assertThat(n).contains("no known Sport"));
  }

  @Test
  void a_written_running_tcx_keeps_cadence_and_power_in_the_extension() {
    Workout run =
        Workout.of(
                SportType.RUNNING,
                OffsetDateTime.parse("2024-01-01T08:00:00+01:00"),
                OffsetDateTime.parse("2024-01-01T08:00:02+01:00"))
            .withTitle("Morning <run> & more")
            .withSamples(
                List.of(
                    TrackPoint.at(Instant.parse("2024-01-01T07:00:00Z"))
                        .withPosition(47.1234567, 8.7654321)
                        .withCadence(86)
                        .withPower(300)
                        .withHeartRate(140),
                    TrackPoint.at(Instant.parse("2024-01-01T07:00:02Z")).withCadence(88)));

    byte[] written = codec.write(run);
    Read back = read(written);

    assertThat(new String(written, StandardCharsets.UTF_8))
        .contains("<Id>2024-01-01T07:00:00Z</Id>", "ns3:RunCadence", "ns3:Watts");
    assertThat(back.workout().title()).contains("Morning <run> & more");
    assertThat(back.workout().samples()).containsExactlyElementsOf(run.samples());
    // TCX times are written in UTC: the offset is lost.
    assertThat(back.workout().start().toInstant()).isEqualTo(run.start().toInstant());
    assertThat(back.workout().start().getOffset()).isEqualTo(ZoneOffset.UTC);
  }

  /** A one-lap TCX of 30 minutes and 5 km with the given trackpoints. */
  static String tcx(String sport, String start, String track) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<TrainingCenterDatabase xmlns=\""
        + TcxCodec.NAMESPACE
        + "\"><Activities><Activity Sport=\""
        + sport
        + "\"><Id>"
        + start
        + "</Id><Lap StartTime=\""
        + start
        + "\"><TotalTimeSeconds>1800</TotalTimeSeconds><DistanceMeters>5000</DistanceMeters>"
        + "<Calories>0</Calories><Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>"
        + track
        + "</Lap></Activity></Activities></TrainingCenterDatabase>";
  }
}
