package com.syncwell.connector.files;

import com.syncwell.connector.files.FileReadOutcome.Read;
import com.syncwell.connector.files.FileReadOutcome.Unreadable;
import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import com.syncwell.domain.UnitConversion;
import com.syncwell.domain.Workout;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * TCX (Garmin's TrainingCenterDatabase v2, as Garmin, Fitbit and the Google Health API export it),
 * with the JDK's XML parser: DOCTYPEs are refused, so no entity is ever expanded.
 *
 * <p>Reading takes the first activity: its Sport, its laps (start time, total time, distance,
 * calories, average and maximum heart rate) and their trackpoints (time, position, altitude,
 * distance, heart rate, cadence, and the ActivityExtension's Watts and RunCadence). Elements are
 * matched by local name, so files that use other prefixes read the same. The activity's Notes are
 * its title. TCX has no elapsed time: the end is the later of the last lap's start plus its total
 * time and the last trackpoint; the laps' total time is the moving time. Times carry the offset the
 * file gives (Fitbit writes local times with an offset); UTC times stay UTC.
 *
 * <p>Writing gives one lap in UTC. TCX knows only Running, Biking and Other: every other sport
 * family is written as Other and reads back as {@link SportType#OTHER}.
 */
public final class TcxCodec implements WorkoutFileCodec {
  static final String NAMESPACE = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";
  static final String EXTENSION_NAMESPACE = "http://www.garmin.com/xmlschemas/ActivityExtension/v2";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  @Override
  public WorkoutFileFormat format() {
    return WorkoutFileFormat.TCX;
  }

  @Override
  public FileReadOutcome read(byte[] file) {
    Objects.requireNonNull(file, "file");
    if (file.length == 0) {
      return new Unreadable("empty file");
    }
    Document document;
    try {
      document = SafeXml.parse(file);
    } catch (SafeXml.NotReadable e) {
      return new Unreadable(e.getMessage());
    }
    try {
      return read(document);
    } catch (RuntimeException e) {
      return new Unreadable("TCX file could not be read: " + Samples.oneLine(e.getMessage()));
    }
  }

  private static FileReadOutcome read(Document document) {
    Element root = document.getDocumentElement();
    if (!"TrainingCenterDatabase".equals(localName(root))) {
      return new Unreadable("not a TCX file: the root element is <" + localName(root) + ">");
    }
    List<Element> activities = children(child(root, "Activities"), "Activity");
    if (activities.isEmpty()) {
      return new Unreadable(
          child(root, "Courses") != null
              ? "TCX file holds a course, not an activity"
              : "TCX file has no activity");
    }
    Reading reading = new Reading();
    if (activities.size() > 1) {
      reading.notes.add("TCX file has " + activities.size() + " activities: read the first");
    }
    Element activity = activities.getFirst();
    List<Element> laps = children(activity, "Lap");
    if (laps.isEmpty()) {
      return new Unreadable("TCX activity has no lap");
    }
    SportType sport = sport(activity.getAttribute("Sport"), reading.notes);

    OffsetDateTime start = null;
    Instant lapsEnd = null;
    Total distance = new Total();
    Total kilocalories = new Total();
    Total totalSeconds = new Total();
    Total heartBeats = new Total();
    Total heartWeight = new Total();
    int maxHeartRate = 0;
    List<TrackPoint> points = new ArrayList<>();
    for (Element lap : laps) {
      OffsetDateTime lapStart = reading.time(lap.getAttribute("StartTime"));
      Double seconds = Samples.nonNegative(reading.number(child(lap, "TotalTimeSeconds")));
      if (lapStart != null) {
        start = start == null || lapStart.isBefore(start) ? lapStart : start;
        Instant lapEnd = lapStart.toInstant().plus(duration(seconds == null ? 0 : seconds));
        lapsEnd = lapsEnd == null || lapEnd.isAfter(lapsEnd) ? lapEnd : lapsEnd;
      }
      totalSeconds.add(seconds);
      distance.add(Samples.nonNegative(reading.number(child(lap, "DistanceMeters"))));
      kilocalories.add(Samples.nonNegative(reading.number(child(lap, "Calories"))));
      Integer average =
          Samples.heartRate(reading.number(child(child(lap, "AverageHeartRateBpm"), "Value")));
      if (average != null) {
        double weight = seconds == null || seconds == 0 ? 1 : seconds;
        heartBeats.add(average * weight);
        heartWeight.add(weight);
      }
      Integer max =
          Samples.heartRate(reading.number(child(child(lap, "MaximumHeartRateBpm"), "Value")));
      if (max != null) {
        maxHeartRate = Math.max(maxHeartRate, max);
      }
      for (Element track : children(lap, "Track")) {
        for (Element trackpoint : children(track, "Trackpoint")) {
          TrackPoint p = reading.point(trackpoint);
          if (p != null) {
            points.add(p);
          }
        }
      }
    }
    List<String> notes = reading.notes;
    points = Samples.inTimeOrder(points, notes);
    if (start == null) {
      start = reading.time(text(child(activity, "Id")));
    }
    if (start == null && !points.isEmpty()) {
      start = points.getFirst().time().atOffset(ZoneOffset.UTC);
    }
    if (start == null) {
      return new Unreadable("TCX activity has no start time");
    }
    reading.finish();
    ZoneOffset offset = start.getOffset();
    if (offset.equals(ZoneOffset.UTC)) {
      notes.add("TCX times are UTC and the file gives no local offset: times are in UTC");
    }
    if (points.isEmpty()) {
      notes.add("TCX activity has no trackpoints: summary only");
    }

    Instant end = start.toInstant();
    if (lapsEnd != null && lapsEnd.isAfter(end)) {
      end = lapsEnd;
    }
    if (!points.isEmpty() && points.getLast().time().isAfter(end)) {
      end = points.getLast().time();
    }
    Duration elapsed = Duration.between(start.toInstant(), end);
    Optional<Duration> moving =
        totalSeconds.value().isPresent()
            ? Optional.of(min(duration(totalSeconds.value().getAsDouble()), elapsed))
            : Optional.empty();
    OptionalDouble metres =
        distance.value().isPresent()
            ? distance.value()
            : points.stream()
                .map(TrackPoint::distanceMetres)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .max();
    // Calories is required in a lap: 0 is what writers put when they don't know.
    OptionalDouble joules =
        kilocalories.value().isPresent() && kilocalories.value().getAsDouble() > 0
            ? OptionalDouble.of(
                UnitConversion.kilocaloriesToJoules(kilocalories.value().getAsDouble()))
            : OptionalDouble.empty();
    OptionalInt averageHeartRate =
        heartWeight.value().isPresent()
            ? OptionalInt.of(
                (int)
                    Math.round(
                        heartBeats.value().getAsDouble() / heartWeight.value().getAsDouble()))
            : Samples.averageHeartRate(points);
    OptionalInt maxHeart =
        maxHeartRate > 0 ? OptionalInt.of(maxHeartRate) : Samples.maxHeartRate(points);
    String title = text(child(activity, "Notes"));
    Workout workout =
        new Workout(
            sport,
            title == null || title.isBlank() ? Optional.empty() : Optional.of(title.strip()),
            start,
            end.atOffset(offset),
            moving,
            metres,
            joules,
            OptionalDouble.empty(),
            averageHeartRate,
            maxHeart,
            points);
    return new Read(workout, notes);
  }

  private static SportType sport(String attribute, List<String> notes) {
    return switch (attribute == null ? "" : attribute.strip().toLowerCase(Locale.ROOT)) {
      case "running" -> SportType.RUNNING;
      case "biking" -> SportType.CYCLING;
      case "other" -> SportType.OTHER;
      default -> {
        notes.add("TCX activity has no known Sport (Running, Biking, Other): read as OTHER");
        yield SportType.OTHER;
      }
    };
  }

  /** The TCX Sport of a type: Running and Biking by family, Other for everything else. */
  static String sportAttribute(SportType type) {
    return switch (type.family()) {
      case RUNNING -> "Running";
      case CYCLING -> "Biking";
      default -> "Other";
    };
  }

  /** What reading one activity counts as it goes, for the notes. */
  private static final class Reading {
    final List<String> notes = new ArrayList<>();
    int badNumbers;
    int badTimes;
    int zoneless;
    int untimedPoints;

    Double number(Element element) {
      String text = text(element);
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return Double.parseDouble(text.strip());
      } catch (NumberFormatException e) {
        badNumbers++;
        return null;
      }
    }

    OffsetDateTime time(String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      String t = text.strip();
      try {
        return OffsetDateTime.parse(t);
      } catch (DateTimeParseException e) {
        try {
          OffsetDateTime utc = LocalDateTime.parse(t).atOffset(ZoneOffset.UTC);
          zoneless++;
          return utc;
        } catch (DateTimeParseException notLocal) {
          badTimes++;
          return null;
        }
      }
    }

    TrackPoint point(Element trackpoint) {
      OffsetDateTime time = time(text(child(trackpoint, "Time")));
      if (time == null) {
        untimedPoints++;
        return null;
      }
      TrackPoint p = TrackPoint.at(time.toInstant());
      Element position = child(trackpoint, "Position");
      Double lat = Samples.finite(number(child(position, "LatitudeDegrees")));
      Double lng = Samples.finite(number(child(position, "LongitudeDegrees")));
      if (Samples.isPosition(lat, lng)) {
        p = p.withPosition(lat, lng);
      }
      Element tpx = child(child(trackpoint, "Extensions"), "TPX");
      Integer cadence = Samples.count(number(child(trackpoint, "Cadence")));
      if (cadence == null) {
        cadence = Samples.count(number(child(tpx, "RunCadence")));
      }
      return p.withAltitude(Samples.finite(number(child(trackpoint, "AltitudeMeters"))))
          .withDistance(Samples.nonNegative(number(child(trackpoint, "DistanceMeters"))))
          .withHeartRate(
              Samples.heartRate(number(child(child(trackpoint, "HeartRateBpm"), "Value"))))
          .withCadence(cadence)
          .withPower(Samples.count(number(child(tpx, "Watts"))));
    }

    void finish() {
      if (untimedPoints > 0) {
        notes.add("skipped " + untimedPoints + " trackpoints without a readable time");
      }
      if (badNumbers > 0) {
        notes.add("skipped " + badNumbers + " values that are not numbers");
      }
      if (badTimes > 0) {
        notes.add("skipped " + badTimes + " times that are not ISO 8601 date-times");
      }
      if (zoneless > 0) {
        notes.add(zoneless + " times had no zone and were taken as UTC");
      }
    }
  }

  @Override
  public byte[] write(Workout workout) {
    Objects.requireNonNull(workout, "workout");
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(8 * 1024 + 256 * workout.samples().size());
    // Characters go through a buffered encoder: the stream writer's own UTF-8 output writes the
    // byte stream one character at a time.
    Writer chars = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    try {
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(chars);
      xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      xml.setDefaultNamespace(NAMESPACE);
      xml.writeStartElement(NAMESPACE, "TrainingCenterDatabase");
      xml.writeDefaultNamespace(NAMESPACE);
      xml.writeNamespace("ns3", EXTENSION_NAMESPACE);
      xml.writeNamespace("xsi", XSI);
      xml.writeAttribute(
          XSI,
          "schemaLocation",
          NAMESPACE + " http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd");
      xml.writeStartElement("Activities");
      xml.writeStartElement("Activity");
      xml.writeAttribute("Sport", sportAttribute(workout.sport()));
      element(xml, "Id", time(workout.start().toInstant()));
      writeLap(xml, workout);
      if (workout.title().isPresent() && !workout.title().get().isBlank()) {
        element(xml, "Notes", workout.title().get());
      }
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
      chars.flush();
    } catch (XMLStreamException | IOException e) {
      throw new IllegalStateException("writing XML to memory does not fail", e);
    }
    return out.toByteArray();
  }

  private static void writeLap(XMLStreamWriter xml, Workout workout) throws XMLStreamException {
    xml.writeStartElement("Lap");
    xml.writeAttribute("StartTime", time(workout.start().toInstant()));
    Duration total = workout.movingTime().orElse(workout.duration());
    element(xml, "TotalTimeSeconds", decimal(total.toMillis() / 1000.0));
    OptionalDouble distance = workout.distanceMetres();
    if (distance.isEmpty()) {
      distance =
          workout.samples().stream()
              .map(TrackPoint::distanceMetres)
              .filter(Objects::nonNull)
              .mapToDouble(Double::doubleValue)
              .max();
    }
    element(xml, "DistanceMeters", decimal(distance.orElse(0)));
    long kcal = Math.round(UnitConversion.joulesToKilocalories(workout.energyJoules().orElse(0)));
    element(xml, "Calories", Long.toString(Math.min(65_535, kcal)));
    if (workout.averageHeartRateBpm().isPresent()) {
      heartRate(xml, "AverageHeartRateBpm", workout.averageHeartRateBpm().getAsInt());
    }
    if (workout.maxHeartRateBpm().isPresent()) {
      heartRate(xml, "MaximumHeartRateBpm", workout.maxHeartRateBpm().getAsInt());
    }
    element(xml, "Intensity", "Active");
    element(xml, "TriggerMethod", "Manual");
    if (!workout.samples().isEmpty()) {
      boolean running = workout.sport().family() == com.syncwell.domain.SportFamily.RUNNING;
      xml.writeStartElement("Track");
      for (TrackPoint p : workout.samples()) {
        writeTrackpoint(xml, p, running);
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void writeTrackpoint(XMLStreamWriter xml, TrackPoint p, boolean running)
      throws XMLStreamException {
    xml.writeStartElement("Trackpoint");
    element(xml, "Time", time(p.time()));
    if (p.hasPosition()) {
      xml.writeStartElement("Position");
      element(xml, "LatitudeDegrees", decimal(p.latitude()));
      element(xml, "LongitudeDegrees", decimal(p.longitude()));
      xml.writeEndElement();
    }
    if (p.altitudeMetres() != null) {
      element(xml, "AltitudeMeters", decimal(p.altitudeMetres()));
    }
    if (p.distanceMetres() != null) {
      element(xml, "DistanceMeters", decimal(p.distanceMetres()));
    }
    if (p.heartRateBpm() != null && p.heartRateBpm() <= 255) {
      heartRate(xml, "HeartRateBpm", p.heartRateBpm());
    }
    boolean cadenceInExtension = running && p.cadenceRpm() != null && p.cadenceRpm() <= 255;
    if (!running && p.cadenceRpm() != null && p.cadenceRpm() <= 254) {
      element(xml, "Cadence", Integer.toString(p.cadenceRpm()));
    }
    if (cadenceInExtension || p.powerWatts() != null) {
      xml.writeStartElement("Extensions");
      xml.writeStartElement("ns3", "TPX", EXTENSION_NAMESPACE);
      if (cadenceInExtension) {
        xml.writeStartElement("ns3", "RunCadence", EXTENSION_NAMESPACE);
        xml.writeCharacters(Integer.toString(p.cadenceRpm()));
        xml.writeEndElement();
      }
      if (p.powerWatts() != null) {
        xml.writeStartElement("ns3", "Watts", EXTENSION_NAMESPACE);
        xml.writeCharacters(Integer.toString(p.powerWatts()));
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void heartRate(XMLStreamWriter xml, String name, int bpm)
      throws XMLStreamException {
    xml.writeStartElement(name);
    element(xml, "Value", Integer.toString(Math.min(255, bpm)));
    xml.writeEndElement();
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  private static String decimal(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static Duration duration(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String localName(Node node) {
    return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
  }

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(localName(e))) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    if (parent == null) {
      return found;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(localName(e))) {
        found.add(e);
      }
    }
    return found;
  }

  private static String text(Element element) {
    return element == null ? null : element.getTextContent();
  }
}
