package com.syncwell.connector.files;

import com.syncwell.connector.files.FileReadOutcome.Read;
import com.syncwell.connector.files.FileReadOutcome.Unreadable;
import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import com.syncwell.domain.Workout;
import io.jenetics.jpx.GPX;
import io.jenetics.jpx.Length;
import io.jenetics.jpx.Track;
import io.jenetics.jpx.TrackSegment;
import io.jenetics.jpx.WayPoint;
import io.jenetics.jpx.geom.Geoid;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * GPX 1.1 and 1.0 tracks, through jpx. The bytes are first checked with a parser that refuses
 * DOCTYPEs, so jpx never sees one.
 *
 * <p>Reading takes every track point of every track and segment in document order: time, position,
 * elevation, and heart rate and cadence from Garmin's TrackPointExtension ({@code hr}, {@code cad},
 * v1 or v2) or power from a {@code power} extension element (as Strava writes it). A track needs
 * times to be a workout: none gives {@link Unreadable}, and so does a track where fewer than half
 * the points have one (a route that was drawn, not recorded); a few points without a time are
 * skipped with a note. Distance is computed from the positions with Vincenty's formula on the
 * WGS-84 ellipsoid (jpx's {@link Geoid#WGS84}), across segment breaks too. The sport comes from the
 * first track's {@code <type>}, else {@link SportType#OTHER}; the title from its {@code <name>},
 * else the metadata's. GPX times are UTC.
 *
 * <p>Writing gives GPX 1.1 in UTC with the TrackPointExtension v1 for heart rate and cadence.
 * Samples without a position can't be written in GPX and are left out; so are power and the summary
 * (distance, energy, heart rate).
 */
public final class GpxCodec implements WorkoutFileCodec {
  static final String TRACK_POINT_EXTENSION =
      "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";
  private static final String GPX_11 = "http://www.topografix.com/GPX/1/1";

  @Override
  public WorkoutFileFormat format() {
    return WorkoutFileFormat.GPX;
  }

  @Override
  public FileReadOutcome read(byte[] file) {
    Objects.requireNonNull(file, "file");
    if (file.length == 0) {
      return new Unreadable("empty file");
    }
    String root;
    try {
      root = SafeXml.rootElement(file);
    } catch (SafeXml.NotReadable e) {
      return new Unreadable(e.getMessage());
    }
    if (!"gpx".equals(root)) {
      return new Unreadable("not a GPX file: the root element is <" + root + ">");
    }
    GPX gpx;
    try {
      gpx = GPX.Reader.of(GPX.Reader.Mode.LENIENT).read(new ByteArrayInputStream(file));
    } catch (IOException | RuntimeException e) {
      return new Unreadable("not a readable GPX file: " + Samples.oneLine(e.getMessage()));
    }
    try {
      return read(gpx);
    } catch (RuntimeException e) {
      return new Unreadable("GPX file could not be read: " + Samples.oneLine(e.getMessage()));
    }
  }

  private static FileReadOutcome read(GPX gpx) {
    List<WayPoint> all =
        gpx.tracks().flatMap(Track::segments).flatMap(TrackSegment::points).toList();
    if (all.isEmpty()) {
      return new Unreadable(
          gpx.getRoutes().isEmpty()
              ? "GPX file has no track points"
              : "GPX file has only routes (planned, not recorded): no track points");
    }
    long timed = all.stream().filter(p -> p.getTime().isPresent()).count();
    if (timed == 0) {
      return new Unreadable("GPX track has no timestamps");
    }
    if (timed * 2 < all.size()) {
      return new Unreadable(
          "GPX track has timestamps on only "
              + timed
              + " of "
              + all.size()
              + " points: a route, not a recorded workout");
    }
    List<String> notes = new ArrayList<>();
    if (timed < all.size()) {
      notes.add("skipped " + (all.size() - timed) + " track points without a timestamp");
    }
    List<WayPoint> inOrder = new ArrayList<>();
    List<TrackPoint> points = new ArrayList<>();
    for (WayPoint w : all) {
      if (w.getTime().isEmpty()) {
        continue;
      }
      if (!points.isEmpty() && w.getTime().get().isBefore(points.getLast().time())) {
        continue;
      }
      inOrder.add(w);
      points.add(point(w));
    }
    if (inOrder.size() < timed) {
      notes.add("dropped " + (timed - inOrder.size()) + " samples that went back in time");
    }
    double metres = 0;
    for (int i = 0; i < points.size(); i++) {
      if (i > 0) {
        metres += distance(inOrder.get(i - 1), inOrder.get(i));
      }
      points.set(i, points.get(i).withDistance(metres));
    }
    notes.add("GPX times are UTC: times are in UTC");

    Optional<Track> firstTrack = gpx.tracks().findFirst();
    Optional<String> type = firstTrack.flatMap(Track::getType);
    SportType sport = type.flatMap(GpxSports::typeOf).orElse(SportType.OTHER);
    if (type.isEmpty()) {
      notes.add("GPX track has no <type>: sport read as OTHER");
    } else if (GpxSports.typeOf(type.get()).isEmpty()) {
      notes.add("GPX track <type> is not a known sport: read as OTHER");
    }
    Optional<String> title =
        firstTrack
            .flatMap(Track::getName)
            .or(() -> gpx.getMetadata().flatMap(m -> m.getName()))
            .map(String::strip)
            .filter(s -> !s.isEmpty());
    Workout workout =
        new Workout(
            sport,
            title,
            points.getFirst().time().atOffset(ZoneOffset.UTC),
            points.getLast().time().atOffset(ZoneOffset.UTC),
            Optional.empty(),
            OptionalDouble.of(metres),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            Samples.averageHeartRate(points),
            Samples.maxHeartRate(points),
            points);
    return new Read(workout, notes);
  }

  private static TrackPoint point(WayPoint w) {
    TrackPoint p =
        TrackPoint.at(w.getTime().orElseThrow())
            .withPosition(w.getLatitude().doubleValue(), w.getLongitude().doubleValue())
            .withAltitude(
                w.getElevation().map(Length::doubleValue).map(Samples::finite).orElse(null));
    Optional<Document> extensions = w.getExtensions();
    if (extensions.isEmpty()) {
      return p;
    }
    Element root = extensions.get().getDocumentElement();
    return p.withHeartRate(Samples.heartRate(number(root, "hr")))
        .withCadence(Samples.count(number(root, "cad")))
        .withPower(Samples.count(number(root, "power")));
  }

  /** The first element of that local name under {@code root}, as a number; else {@code null}. */
  private static Double number(Element root, String localName) {
    Element found = find(root, localName);
    if (found == null) {
      return null;
    }
    try {
      return Double.parseDouble(found.getTextContent().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Element find(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        String name = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
        if (localName.equals(name)) {
          return e;
        }
        Element below = find(e, localName);
        if (below != null) {
          return below;
        }
      }
    }
    return null;
  }

  private static double distance(WayPoint a, WayPoint b) {
    try {
      return Geoid.WGS84.distance(a, b).doubleValue();
    } catch (ArithmeticException nearlyAntipodal) {
      // Vincenty's formula does not converge for nearly antipodal points: no GPS track has such
      // a step, so it counts as no distance rather than an invented one.
      return 0;
    }
  }

  @Override
  public byte[] write(Workout workout) {
    Objects.requireNonNull(workout, "workout");
    TrackSegment.Builder segment = TrackSegment.builder();
    for (TrackPoint p : workout.samples()) {
      if (!p.hasPosition()) {
        continue;
      }
      WayPoint.Builder point = WayPoint.builder().time(p.time());
      if (p.altitudeMetres() != null) {
        point.ele(p.altitudeMetres());
      }
      if (p.heartRateBpm() != null || p.cadenceRpm() != null) {
        point.extensions(extensions(p));
      }
      segment.addPoint(point.build(p.latitude(), p.longitude()));
    }
    Track.Builder track =
        Track.builder().type(GpxSports.nameOf(workout.sport())).addSegment(segment.build());
    workout.title().ifPresent(track::name);
    GPX gpx =
        GPX.builder(GPX.Version.V11, "SyncWell")
            .metadata(
                m -> {
                  m.time(workout.start().toInstant());
                  workout.title().ifPresent(m::name);
                })
            .addTrack(track.build())
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      GPX.Writer.of(GPX.Writer.Indent.SPACE2, 9).write(gpx, out);
    } catch (IOException e) {
      throw new IllegalStateException("writing GPX to memory does not fail", e);
    }
    return out.toByteArray();
  }

  private static Document extensions(TrackPoint p) {
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      document = factory.newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's DOM builder is configured by default", e);
    }
    Element extensions = document.createElementNS(GPX_11, "extensions");
    document.appendChild(extensions);
    Element tpx = document.createElementNS(TRACK_POINT_EXTENSION, "gpxtpx:TrackPointExtension");
    extensions.appendChild(tpx);
    if (p.heartRateBpm() != null) {
      Element hr = document.createElementNS(TRACK_POINT_EXTENSION, "gpxtpx:hr");
      hr.setTextContent(Integer.toString(p.heartRateBpm()));
      tpx.appendChild(hr);
    }
    if (p.cadenceRpm() != null) {
      Element cad = document.createElementNS(TRACK_POINT_EXTENSION, "gpxtpx:cad");
      cad.setTextContent(Integer.toString(p.cadenceRpm()));
      tpx.appendChild(cad);
    }
    return document;
  }
}
