package com.syncwell.simulator.data;

import com.syncwell.domain.TrackPoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.RandomAccess;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * An immutable list of track points kept losslessly compressed, as a provider keeps an uploaded
 * file rather than objects: each column (time, position, altitude, distance, heart rate, cadence,
 * power) is stored as the XOR of a value's bits with the previous one's, then deflated. A 22-minute
 * GPS ride takes about a tenth of its {@code List<TrackPoint>} size, which is what lets the
 * simulator hold a thousand users' uploaded histories inside the benchmark's 512 MB heap.
 *
 * <p>Iterating, {@link #toArray()} and any {@link #get} but the first and last point decode the
 * whole track, so callers that read points should iterate (or copy once), not index.
 */
final class PackedTrack extends AbstractList<TrackPoint> implements RandomAccess {
  private static final int LAT = 1;
  private static final int ALT = 2;
  private static final int DIST = 4;
  private static final int HR = 8;
  private static final int CAD = 16;
  private static final int POWER = 32;

  private final int size;
  private final byte[] packed;
  private final TrackPoint first;
  private final TrackPoint last;

  private PackedTrack(int size, byte[] packed, TrackPoint first, TrackPoint last) {
    this.size = size;
    this.packed = packed;
    this.first = first;
    this.last = last;
  }

  /** {@code points} packed; an already packed list is returned as it is. */
  static List<TrackPoint> of(List<TrackPoint> points) {
    if (points instanceof PackedTrack || points.isEmpty()) {
      return points.isEmpty() ? List.of() : points;
    }
    List<TrackPoint> copy = List.copyOf(points);
    return new PackedTrack(copy.size(), pack(copy), copy.get(0), copy.get(copy.size() - 1));
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public TrackPoint get(int index) {
    if (index == 0) {
      return first;
    }
    if (index == size - 1) {
      return last;
    }
    return unpack().get(index);
  }

  @Override
  public Iterator<TrackPoint> iterator() {
    return unpack().iterator();
  }

  @Override
  public ListIterator<TrackPoint> listIterator(int index) {
    return unpack().listIterator(index);
  }

  @Override
  public Object[] toArray() {
    return unpack().toArray();
  }

  @Override
  public <T> T[] toArray(T[] a) {
    return unpack().toArray(a);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof List<?> other && unpack().equals(other));
  }

  @Override
  public int hashCode() {
    return unpack().hashCode();
  }

  /** Compressed size in bytes, for tests and sizing. */
  int packedBytes() {
    return packed.length;
  }

  private static byte[] pack(List<TrackPoint> points) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(points.size() * 8);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater))) {
      for (TrackPoint p : points) {
        out.writeByte(presence(p));
      }
      long prev = 0;
      for (TrackPoint p : points) {
        prev = xor(out, prev, p.time().getEpochSecond());
      }
      int prevNano = 0;
      for (TrackPoint p : points) {
        out.writeInt(p.time().getNano() ^ prevNano);
        prevNano = p.time().getNano();
      }
      for (int c = 0; c < 4; c++) {
        column(out, points, c);
      }
      for (int c = 0; c < 3; c++) {
        int prevInt = 0;
        for (TrackPoint p : points) {
          Integer v = c == 0 ? p.heartRateBpm() : c == 1 ? p.cadenceRpm() : p.powerWatts();
          int value = v == null ? 0 : v;
          out.writeInt(value ^ prevInt);
          prevInt = value;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deflater.end();
    }
    return bytes.toByteArray();
  }

  private static void column(DataOutputStream out, List<TrackPoint> points, int c)
      throws IOException {
    long prev = 0;
    for (TrackPoint p : points) {
      Double v =
          switch (c) {
            case 0 -> p.latitude();
            case 1 -> p.longitude();
            case 2 -> p.altitudeMetres();
            default -> p.distanceMetres();
          };
      prev = xor(out, prev, v == null ? 0 : Double.doubleToRawLongBits(v));
    }
  }

  private static long xor(DataOutputStream out, long prev, long value) throws IOException {
    out.writeLong(value ^ prev);
    return value;
  }

  private static int presence(TrackPoint p) {
    return (p.latitude() != null ? LAT : 0)
        | (p.altitudeMetres() != null ? ALT : 0)
        | (p.distanceMetres() != null ? DIST : 0)
        | (p.heartRateBpm() != null ? HR : 0)
        | (p.cadenceRpm() != null ? CAD : 0)
        | (p.powerWatts() != null ? POWER : 0);
  }

  private List<TrackPoint> unpack() {
    int n = size;
    byte[] flags = new byte[n];
    long[] seconds = new long[n];
    int[] nanos = new int[n];
    long[][] doubles = new long[4][n];
    int[][] ints = new int[3][n];
    try (DataInputStream in =
        new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(packed)))) {
      in.readFully(flags);
      long prev = 0;
      for (int i = 0; i < n; i++) {
        prev ^= in.readLong();
        seconds[i] = prev;
      }
      int prevInt = 0;
      for (int i = 0; i < n; i++) {
        prevInt ^= in.readInt();
        nanos[i] = prevInt;
      }
      for (long[] column : doubles) {
        prev = 0;
        for (int i = 0; i < n; i++) {
          prev ^= in.readLong();
          column[i] = prev;
        }
      }
      for (int[] column : ints) {
        prevInt = 0;
        for (int i = 0; i < n; i++) {
          prevInt ^= in.readInt();
          column[i] = prevInt;
        }
      }
    } catch (IOException e) {
      if (e.getCause() instanceof DataFormatException) {
        throw new IllegalStateException("a packed track is corrupt", e);
      }
      throw new UncheckedIOException(e);
    }
    List<TrackPoint> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int f = flags[i];
      points.add(
          new TrackPoint(
              Instant.ofEpochSecond(seconds[i], nanos[i]),
              (f & LAT) != 0 ? Double.longBitsToDouble(doubles[0][i]) : null,
              (f & LAT) != 0 ? Double.longBitsToDouble(doubles[1][i]) : null,
              (f & ALT) != 0 ? Double.longBitsToDouble(doubles[2][i]) : null,
              (f & DIST) != 0 ? Double.longBitsToDouble(doubles[3][i]) : null,
              (f & HR) != 0 ? ints[0][i] : null,
              (f & CAD) != 0 ? ints[1][i] : null,
              (f & POWER) != 0 ? ints[2][i] : null));
    }
    return List.copyOf(points);
  }
}
