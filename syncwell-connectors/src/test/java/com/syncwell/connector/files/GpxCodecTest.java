package com.syncwell.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.syncwell.connector.files.FileReadOutcome.Read;
import com.syncwell.connector.files.FileReadOutcome.Unreadable;
import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import com.syncwell.domain.Workout;
import com.syncwell.testkit.ProviderFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class GpxCodecTest {
  private final GpxCodec codec = new GpxCodec();

  private Read read(byte[] file) {
    FileReadOutcome outcome = codec.read(file);
    assertThat(outcome).isInstanceOf(Read.class);
    return (Read) outcome;
  }

  private Read read(String xml) {
    return read(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void the_etrex_track_reads_104_timed_points_with_a_computed_distance() {
    Read read = read(ProviderFixtures.bytes("workout-files/" + "around-visnjan-with-car.gpx"));
    Workout w = read.workout();

    assertThat(w.sport()).isEqualTo(SportType.OTHER);
    assertThat(w.title()).contains("2020-12-18 07:24:29");
    assertThat(w.start()).isEqualTo(OffsetDateTime.parse("2020-12-18T06:15:50Z"));
    assertThat(w.end()).isEqualTo(OffsetDateTime.parse("2020-12-18T06:24:24Z"));
    assertThat(w.samples())
        .hasSize(104)
        .allMatch(p -> p.hasPosition() && p.altitudeMetres() != null);
    assertThat(w.samples().getFirst().latitude()).isEqualTo(45.273518851);
    assertThat(w.samples().getFirst().altitudeMetres()).isEqualTo(211.15);
    // Vincenty on WGS-84 over the 103 steps (the track is partly driven).
    assertThat(w.distanceMetres().getAsDouble()).isCloseTo(2736.0, within(0.01));
    assertThat(w.samples().getLast().distanceMetres()).isEqualTo(w.distanceMetres().getAsDouble());
    assertThat(w.averageHeartRateBpm()).isEmpty();
    assertThat(read.notes())
        .containsExactly(
            "GPX times are UTC: times are in UTC", "GPX track has no <type>: sport read as OTHER");
  }

  @Test
  void the_cerknicko_track_with_times_on_only_5_of_296_points_is_not_a_workout() {
    assertThat(codec.read(ProviderFixtures.bytes("workout-files/" + "cerknicko-without-times.gpx")))
        .isEqualTo(
            new Unreadable(
                "GPX track has timestamps on only 5 of 296 points: a route, not a recorded workout"));
  }

  @Test
  void a_track_without_any_time_is_unreadable() {
    String gpx =
        "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"t\"><trk><trkseg>"
            + "<trkpt lat=\"45.1\" lon=\"14.1\"/><trkpt lat=\"45.2\" lon=\"14.2\"/></trkseg></trk></gpx>";

    assertThat(codec.read(gpx.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new Unreadable("GPX track has no timestamps"));
  }

  @Test
  void a_file_with_waypoints_only_is_unreadable() {
    String gpx =
        "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"t\">"
            + "<wpt lat=\"45.1\" lon=\"14.1\"><time>2020-01-01T00:00:00Z</time></wpt></gpx>";

    assertThat(codec.read(gpx.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new Unreadable("GPX file has no track points"));
  }

  @Test
  void heart_rate_cadence_and_power_come_from_the_extensions_and_segments_are_joined() {
    String gpx =
        "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"StravaGPX\""
            + " xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">"
            + "<trk><name>Lunch Ride</name><type>Ride</type>"
            + "<trkseg><trkpt lat=\"45.0\" lon=\"14.0\"><ele>10</ele><time>2020-01-01T10:00:00Z</time>"
            + "<extensions><power>210</power><gpxtpx:TrackPointExtension><gpxtpx:hr>131</gpxtpx:hr>"
            + "<gpxtpx:cad>90</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt></trkseg>"
            + "<trkseg><trkpt lat=\"45.001\" lon=\"14.0\"><time>2020-01-01T10:00:10Z</time>"
            + "</trkpt></trkseg></trk></gpx>";

    Workout w = read(gpx).workout();

    assertThat(w.sport()).isEqualTo(SportType.CYCLING);
    assertThat(w.title()).contains("Lunch Ride");
    assertThat(w.samples()).hasSize(2);
    TrackPoint first = w.samples().getFirst();
    assertThat(first.heartRateBpm()).isEqualTo(131);
    assertThat(first.cadenceRpm()).isEqualTo(90);
    assertThat(first.powerWatts()).isEqualTo(210);
    assertThat(w.averageHeartRateBpm()).hasValue(131);
    // 0.001 degree of latitude at 45°N is 111.1 m on WGS-84.
    assertThat(w.distanceMetres().getAsDouble()).isCloseTo(111.13, within(0.01));
  }

  @Test
  void an_xxe_doctype_is_refused_before_jpx_sees_it() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"t\">"
            + "<trk><name>&xxe;</name><trkseg><trkpt lat=\"1\" lon=\"2\">"
            + "<time>2020-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>";

    assertThat(codec.read(xxe.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new Unreadable(SafeXml.DOCTYPE_REFUSED));
  }

  @Test
  void a_billion_laughs_document_is_refused_too() {
    StringBuilder lol =
        new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY l0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      lol.append("<!ENTITY l").append(i).append(" \"");
      lol.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    lol.append(
        "]><gpx xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>&l9;</name></trk></gpx>");

    assertThat(codec.read(lol.toString().getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new Unreadable(SafeXml.DOCTYPE_REFUSED));
  }

  @Test
  void a_tcx_file_is_not_a_gpx_file() {
    assertThat(codec.read(ProviderFixtures.bytes("workout-files/" + "pool_swim-activity_1.tcx")))
        .isEqualTo(new Unreadable("not a GPX file: the root element is <TrainingCenterDatabase>"));
  }

  @ParameterizedTest
  @EnumSource(SportType.class)
  void every_sport_type_round_trips_through_the_gpx_type_exactly(SportType type) {
    Workout w =
        Workout.of(
                type,
                OffsetDateTime.parse("2024-01-01T08:00:00Z"),
                OffsetDateTime.parse("2024-01-01T08:00:01Z"))
            .withSamples(
                List.of(
                    TrackPoint.at(Instant.parse("2024-01-01T08:00:00Z")).withPosition(1, 2),
                    TrackPoint.at(Instant.parse("2024-01-01T08:00:01Z")).withPosition(1, 2.00001)));

    assertThat(read(codec.write(w)).workout().sport()).isEqualTo(type);
  }

  @ParameterizedTest
  @CsvSource({
    "running, RUNNING",
    "Run, RUNNING",
    "TrailRun, TRAIL_RUNNING",
    "trail_running, TRAIL_RUNNING",
    "Ride, CYCLING",
    "road_biking, CYCLING",
    "MountainBikeRide, MOUNTAIN_BIKING",
    "VirtualRide, VIRTUAL_CYCLING",
    "Hike, HIKING",
    "lap_swimming, SWIMMING",
    "strength_training, WEIGHT_TRAINING",
    "NordicSki, CROSS_COUNTRY_SKIING"
  })
  void gpx_type_names_of_strava_and_garmin_read_as_sport_types(String name, SportType type) {
    assertThat(GpxSports.typeOf(name)).contains(type);
  }

  @Test
  void an_unknown_type_reads_as_other_with_a_note() {
    String gpx =
        "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"t\"><trk>"
            + "<type>9</type><trkseg><trkpt lat=\"45.1\" lon=\"14.1\"><time>2020-01-01T00:00:00Z</time>"
            + "</trkpt></trkseg></trk></gpx>";

    Read read = read(gpx);

    assertThat(read.workout().sport()).isEqualTo(SportType.OTHER);
    assertThat(read.notes()).contains("GPX track <type> is not a known sport: read as OTHER");
  }

  @Test
  void written_gpx_uses_the_garmin_track_point_extension_and_leaves_out_points_without_position() {
    Workout w =
        Workout.of(
                SportType.WALKING,
                OffsetDateTime.parse("2024-01-01T08:00:00Z"),
                OffsetDateTime.parse("2024-01-01T08:00:02Z"))
            .withSamples(
                List.of(
                    TrackPoint.at(Instant.parse("2024-01-01T08:00:00Z"))
                        .withPosition(46.0, 14.5)
                        .withHeartRate(99)
                        .withCadence(55),
                    TrackPoint.at(Instant.parse("2024-01-01T08:00:01Z")).withHeartRate(100),
                    TrackPoint.at(Instant.parse("2024-01-01T08:00:02Z"))
                        .withPosition(46.0, 14.5001)));

    String xml = new String(codec.write(w), StandardCharsets.UTF_8);
    Workout back = read(xml).workout();

    assertThat(xml)
        .contains(
            "http://www.topografix.com/GPX/1/1",
            GpxCodec.TRACK_POINT_EXTENSION,
            "<type>walking</type>");
    assertThat(back.samples()).hasSize(2);
    assertThat(back.samples().getFirst().heartRateBpm()).isEqualTo(99);
    assertThat(back.samples().getFirst().cadenceRpm()).isEqualTo(55);
  }
}
