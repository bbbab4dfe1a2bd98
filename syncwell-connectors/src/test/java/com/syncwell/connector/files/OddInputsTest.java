package com.syncwell.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.syncwell.connector.files.FileReadOutcome.Read;
import com.syncwell.connector.files.FileReadOutcome.Unreadable;
import com.syncwell.testkit.ProviderFixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every codec, given every real file and a set of odd inputs, answers and never throws. */
class OddInputsTest {
  private static final List<String> REAL_FILES =
      List.of(
          "garmin-fenix-5-run.fit",
          "developer-types-sample.fit",
          "elemnt-bolt-no-application-id-inside-developer-data-id.fit",
          "activity-unexpected-eof.fit",
          "strava-android-app-201.10-b1218918.fit",
          "tcxparser-test-forerunner410-run.tcx",
          "pool_swim-activity_1.tcx",
          "around-visnjan-with-car.gpx",
          "cerknicko-without-times.gpx");

  static Stream<Arguments> inputs() {
    List<Arguments> inputs = new ArrayList<>();
    for (String name : REAL_FILES) {
      inputs.add(Arguments.of(name, ProviderFixtures.bytes("workout-files/" + name)));
      byte[] whole = ProviderFixtures.bytes("workout-files/" + name);
      inputs.add(Arguments.of(name + " cut in half", Arrays.copyOf(whole, whole.length / 2)));
    }
    byte[] random = new byte[2048];
    new Random(7).nextBytes(random);
    inputs.add(Arguments.of("empty", new byte[0]));
    inputs.add(Arguments.of("random bytes", random));
    byte[] fitHeaderThenRandom =
        Arrays.copyOf(ProviderFixtures.bytes("workout-files/" + "garmin-fenix-5-run.fit"), 2048);
    System.arraycopy(random, 0, fitHeaderThenRandom, 14, 2048 - 14);
    inputs.add(Arguments.of("a FIT header, then random bytes", fitHeaderThenRandom));
    inputs.add(Arguments.of("text", "not a workout".getBytes(StandardCharsets.UTF_8)));
    inputs.add(
        Arguments.of(
            "XML with an XXE DOCTYPE",
            ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                    + "<gpx>&e;</gpx>")
                .getBytes(StandardCharsets.UTF_8)));
    inputs.add(
        Arguments.of(
            "TCX with no trackpoints and no lap",
            ("<TrainingCenterDatabase xmlns=\""
                    + TcxCodec.NAMESPACE
                    + "\"><Activities><Activity Sport=\"Running\"><Id>2024-01-01T00:00:00Z</Id>"
                    + "</Activity></Activities></TrainingCenterDatabase>")
                .getBytes(StandardCharsets.UTF_8)));
    inputs.add(
        Arguments.of(
            "TCX with nonsense values",
            TcxCodecTest.tcx(
                    "Running",
                    "yesterday",
                    "<Track><Trackpoint><Time>2024-01-01T00:00:00Z</Time><HeartRateBpm><Value>0"
                        + "</Value></HeartRateBpm><DistanceMeters>-5</DistanceMeters>"
                        + "<AltitudeMeters>NaN</AltitudeMeters><Cadence>x</Cadence></Trackpoint>"
                        + "<Trackpoint><Time>2023-01-01T00:00:00Z</Time></Trackpoint></Track>")
                .getBytes(StandardCharsets.UTF_8)));
    inputs.add(
        Arguments.of(
            "GPX with latitude out of range",
            ("<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"t\">"
                    + "<trk><trkseg><trkpt lat=\"95\" lon=\"14\"><time>2020-01-01T00:00:00Z</time>"
                    + "</trkpt></trkseg></trk></gpx>")
                .getBytes(StandardCharsets.UTF_8)));
    List<Arguments> perCodec = new ArrayList<>();
    for (WorkoutFileFormat format : WorkoutFileFormat.values()) {
      for (Arguments input : inputs) {
        perCodec.add(Arguments.of(format, input.get()[0], input.get()[1]));
      }
    }
    return perCodec.stream();
  }

  @ParameterizedTest(name = "{0} reads {1}")
  @MethodSource("inputs")
  void every_codec_answers_every_input_with_an_outcome_and_never_throws(
      WorkoutFileFormat format, String what, byte[] file) {
    WorkoutFileCodec codec = WorkoutFiles.codec(format);

    assertThatCode(() -> codec.read(file)).doesNotThrowAnyException();
    FileReadOutcome outcome = codec.read(file);
    assertThat(outcome).isNotNull();
    if (outcome instanceof Unreadable unreadable) {
      assertThat(unreadable.reason()).isNotBlank().doesNotContain("\n").doesNotContain("root:");
    }
    if (outcome instanceof Read read) {
      assertThat(WorkoutFiles.detect(file)).contains(format);
      assertThat(read.notes()).allSatisfy(n -> assertThat(n).doesNotContain("\n"));
    }
  }
}
