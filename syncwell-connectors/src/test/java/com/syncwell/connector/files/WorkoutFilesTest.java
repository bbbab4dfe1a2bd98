package com.syncwell.connector.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.connector.files.FileReadOutcome.Unreadable;
import com.syncwell.testkit.ProviderFixtures;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class WorkoutFilesTest {

  @ParameterizedTest
  @CsvSource({
    "garmin-fenix-5-run.fit, FIT",
    "developer-types-sample.fit, FIT",
    "elemnt-bolt-no-application-id-inside-developer-data-id.fit, FIT",
    "activity-unexpected-eof.fit, FIT",
    "strava-android-app-201.10-b1218918.fit, FIT",
    "tcxparser-test-forerunner410-run.tcx, TCX",
    "pool_swim-activity_1.tcx, TCX",
    "around-visnjan-with-car.gpx, GPX",
    "cerknicko-without-times.gpx, GPX"
  })
  void every_real_file_is_detected_by_its_content(String name, WorkoutFileFormat format) {
    assertThat(WorkoutFiles.detect(ProviderFixtures.bytes("workout-files/" + name)))
        .contains(format);
  }

  @Test
  void content_that_is_none_of_the_formats_is_not_detected() {
    byte[] random = new byte[4096];
    new Random(42).nextBytes(random);

    assertThat(WorkoutFiles.detect(new byte[0])).isEmpty();
    assertThat(WorkoutFiles.detect(random)).isEmpty();
    assertThat(WorkoutFiles.detect("<kml/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(WorkoutFiles.detect("{\"gpx\":1}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(WorkoutFiles.detect("<!DOCTYPE gpx><gpx/>".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }

  @Test
  void a_byte_order_mark_and_leading_whitespace_do_not_hide_the_xml_root() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] xml = "\n  <gpx version=\"1.1\"/>".getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[bom.length + xml.length];
    System.arraycopy(bom, 0, file, 0, bom.length);
    System.arraycopy(xml, 0, file, bom.length, xml.length);

    assertThat(WorkoutFiles.detect(file)).contains(WorkoutFileFormat.GPX);
  }

  @ParameterizedTest
  @EnumSource(WorkoutFileFormat.class)
  void the_registry_has_a_codec_for_every_format(WorkoutFileFormat format) {
    assertThat(WorkoutFiles.codec(format).format()).isEqualTo(format);
  }

  @Test
  void reading_through_the_registry_picks_the_codec_or_says_why_not() {
    assertThat(
            WorkoutFiles.read(ProviderFixtures.bytes("workout-files/" + "garmin-fenix-5-run.fit")))
        .isInstanceOf(FileReadOutcome.Read.class);
    assertThat(WorkoutFiles.read(new byte[0])).isEqualTo(new Unreadable("empty file"));
    assertThat(WorkoutFiles.read("hello".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new Unreadable("not a FIT, TCX or GPX workout file"));
    assertThat(WorkoutFiles.read("<!DOCTYPE gpx><gpx/>".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new Unreadable(SafeXml.DOCTYPE_REFUSED));
  }
}
