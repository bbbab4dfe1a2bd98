package com.syncwell.connector.strava;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.IdempotencyKey;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RecordWriter;
import com.syncwell.connector.Transient;
import com.syncwell.connector.WriteOutcome;
import com.syncwell.connector.files.WorkoutFileCodec;
import com.syncwell.connector.files.WorkoutFileFormat;
import com.syncwell.connector.http.HttpResult;
import com.syncwell.connector.http.ProviderHttp;
import com.syncwell.domain.HealthRecord;
import com.syncwell.domain.Workout;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Writes workouts to Strava.
 *
 * <p>A workout with samples is uploaded as a FIT file ({@code POST /uploads}, multipart), as TCX
 * when the FIT codec cannot encode it, with {@code external_id = syncwell-<key>} as the provenance
 * marker; then {@code GET /uploads/{id}} is polled with bounded exponential backoff until it names
 * the activity or an error. Strava's "duplicate of activity N" is {@link
 * WriteOutcome.DuplicateFound}; other errors are {@link WriteOutcome.Rejected}; still processing
 * after the last poll is {@link Transient} (the retry's upload then meets Strava's duplicate
 * check).
 *
 * <p>A workout without samples is created as a manual activity ({@code POST /activities}): Strava
 * wants a time on every file record, so a sample-less file would be refused. Manual activities
 * carry no {@code external_id}, so the writer first lists the activities starting in the same
 * second and answers {@link WriteOutcome.DuplicateFound} for one of a compatible sport.
 */
public final class StravaActivityWriter implements RecordWriter {
  /** Strava recommends polling no more often than once a second; processing takes ~2 s. */
  static final long FIRST_POLL_DELAY_MILLIS = 1_000;

  static final long MAX_POLL_DELAY_MILLIS = 8_000;
  static final int MAX_POLLS = 8;

  private final StravaSettings settings;
  private final ProviderHttp http;
  private final WorkoutFileCodec fit;
  private final WorkoutFileCodec tcx;
  private final LongConsumer pause;

  /**
   * @param pause waits the given milliseconds between polls ({@code Thread.sleep} in production)
   */
  public StravaActivityWriter(
      StravaSettings settings,
      ProviderHttp http,
      WorkoutFileCodec fit,
      WorkoutFileCodec tcx,
      LongConsumer pause) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = Objects.requireNonNull(http, "http");
    this.fit = requireFormat(fit, WorkoutFileFormat.FIT);
    this.tcx = requireFormat(tcx, WorkoutFileFormat.TCX);
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  private static WorkoutFileCodec requireFormat(WorkoutFileCodec codec, WorkoutFileFormat format) {
    Objects.requireNonNull(codec, format.wireName());
    if (codec.format() != format) {
      throw new IllegalArgumentException("expected a " + format + " codec");
    }
    return codec;
  }

  @Override
  public WriteOutcome write(ProviderSession session, HealthRecord record, IdempotencyKey key) {
    if (!(record instanceof Workout workout)) {
      throw new IllegalArgumentException("Strava stores workouts only");
    }
    Objects.requireNonNull(key, "key");
    return workout.samples().isEmpty()
        ? createManual(session, workout)
        : upload(session, workout, key);
  }

  private WriteOutcome upload(ProviderSession session, Workout workout, IdempotencyKey key) {
    WorkoutFileFormat format;
    byte[] file;
    try {
      file = fit.write(workout);
      format = WorkoutFileFormat.FIT;
    } catch (RuntimeException fitFailed) {
      try {
        file = tcx.write(workout);
        format = WorkoutFileFormat.TCX;
      } catch (RuntimeException tcxFailed) {
        return new WriteOutcome.Rejected("neither FIT nor TCX can encode this workout");
      }
    }
    String marker = StravaProvenance.markerOf(key);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("data_type", format.wireName());
    fields.put("external_id", marker);
    workout.title().ifPresent(t -> fields.put("name", t));
    if (StravaSportTypes.isTrainer(workout.sport())) {
      fields.put("trainer", "1");
    }
    String boundary = "syncwell-" + UUID.randomUUID();
    byte[] body = multipart(boundary, fields, marker + "." + format.wireName(), file);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.api("/uploads"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResult created;
    try {
      created = http.send(session, session.connectionId(), request);
    } catch (Permanent refused) {
      return new WriteOutcome.Rejected("Strava refused the upload (" + refused.getMessage() + ")");
    }
    StravaUpload state = uploadOf(created);
    long delay = FIRST_POLL_DELAY_MILLIS;
    for (int poll = 0; !state.finished(); poll++) {
      if (poll == MAX_POLLS) {
        throw new Transient(StravaConnector.ID, "the upload is still being processed", null);
      }
      pause.accept(delay);
      delay = Math.min(delay * 2, MAX_POLL_DELAY_MILLIS);
      HttpRequest.Builder get =
          HttpRequest.newBuilder(settings.api("/uploads/" + state.id()))
              .header("Accept", "application/json")
              .GET();
      state = uploadOf(http.send(session, session.connectionId(), get));
    }
    return outcome(state);
  }

  private static WriteOutcome outcome(StravaUpload state) {
    if (state.activityId().isPresent()) {
      return new WriteOutcome.Created(state.activityId().get());
    }
    if (state.duplicateOf().isPresent()) {
      return new WriteOutcome.DuplicateFound(state.duplicateOf().get());
    }
    if (state.error().isPresent()) {
      return new WriteOutcome.Rejected(oneLine(state.error().get()));
    }
    return new WriteOutcome.Rejected("the uploaded activity was deleted at Strava");
  }

  private static StravaUpload uploadOf(HttpResult result) {
    JsonNode json = StravaJson.parse(StravaConnector.ID, result.body(), "the upload");
    try {
      return StravaUpload.of(json);
    } catch (IllegalArgumentException e) {
      throw new Permanent(StravaConnector.ID, "the upload answer has no id", e);
    }
  }

  private WriteOutcome createManual(ProviderSession session, Workout workout) {
    long start = workout.start().toEpochSecond();
    HttpRequest.Builder list =
        HttpRequest.newBuilder(
                settings.api(
                    "/athlete/activities?after="
                        + (start - 1)
                        + "&before="
                        + (start + 1)
                        + "&page=1&per_page=30"))
            .header("Accept", "application/json")
            .GET();
    JsonNode existing =
        StravaJson.parse(
            StravaConnector.ID,
            http.send(session, session.connectionId(), list).body(),
            "the activity list");
    for (JsonNode activity : existing) {
      try {
        var ref = StravaPayloads.ref(activity);
        if (ref.start().toEpochSecond() == start
            && ref.sport().orElseThrow().isCompatibleWith(workout.sport())) {
          return new WriteOutcome.DuplicateFound(ref.recordId());
        }
      } catch (IllegalArgumentException malformed) {
        // not a match
      }
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", workout.title().orElse(StravaSportTypes.toStrava(workout.sport())));
    form.put("sport_type", StravaSportTypes.toStrava(workout.sport()));
    form.put("start_date_local", workout.start().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    form.put("elapsed_time", Long.toString(workout.duration().toSeconds()));
    if (workout.distanceMetres().isPresent()) {
      form.put("distance", Double.toString(workout.distanceMetres().getAsDouble()));
    }
    if (StravaSportTypes.isTrainer(workout.sport())) {
      form.put("trainer", "1");
    }
    HttpRequest.Builder create =
        HttpRequest.newBuilder(settings.api("/activities"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(StravaOAuth.form(form)));
    HttpResult created;
    try {
      created = http.send(session, session.connectionId(), create);
    } catch (Permanent refused) {
      return new WriteOutcome.Rejected(
          "Strava refused the activity (" + refused.getMessage() + ")");
    }
    JsonNode activity = StravaJson.parse(StravaConnector.ID, created.body(), "the new activity");
    return StravaJson.id(activity, "id")
        .<WriteOutcome>map(WriteOutcome.Created::new)
        .orElseThrow(() -> new Permanent(StravaConnector.ID, "the new activity has no id", null));
  }

  private static byte[] multipart(
      String boundary, Map<String, String> fields, String fileName, byte[] file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 1024);
    fields.forEach(
        (name, value) ->
            write(
                out,
                "--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + name
                    + "\"\r\n\r\n"
                    + value.replaceAll("[\r\n]+", " ")
                    + "\r\n"));
    write(
        out,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    out.writeBytes(file);
    write(out, "\r\n--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").strip();
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
