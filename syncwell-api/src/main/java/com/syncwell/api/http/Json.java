package com.syncwell.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The API's one JSON mapper, strict on input: unknown properties, trailing tokens, duplicate keys,
 * numbers that do not fit, floats for integers, strings for numbers or booleans (and the reverse),
 * nesting deeper than {@value #MAX_DEPTH} all fail. Every failure to read a request body becomes a
 * 400 {@link ProblemException} naming the offending field; library messages never reach the client.
 *
 * <p>Output omits null members; times are written by the views as ISO-8601 UTC strings.
 */
public final class Json {
  public static final int MAX_DEPTH = 32;

  private static final ObjectMapper MAPPER = build();
  private static final java.util.regex.Pattern SAFE_NAME =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

  private Json() {}

  private static ObjectMapper build() {
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxNumberLength(64)
                .maxStringLength(64 * 1024)
                .build());
    for (LogicalType type :
        List.of(
            LogicalType.Textual,
            LogicalType.Integer,
            LogicalType.Float,
            LogicalType.Boolean,
            LogicalType.Enum)) {
      mapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.Integer, failUnless(type, LogicalType.Integer))
          .setCoercion(CoercionInputShape.Float, failUnless(type, LogicalType.Float))
          .setCoercion(CoercionInputShape.Boolean, failUnless(type, LogicalType.Boolean))
          .setCoercion(CoercionInputShape.String, failUnless(type, LogicalType.Textual))
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    return mapper;
  }

  private static CoercionAction failUnless(LogicalType target, LogicalType same) {
    boolean enumFromString = target == LogicalType.Enum && same == LogicalType.Textual;
    return target == same || enumFromString ? CoercionAction.TryConvert : CoercionAction.Fail;
  }

  /** Renders {@code value} as UTF-8 JSON. */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot render a response", e);
    }
  }

  /**
   * Reads a request body as {@code type}.
   *
   * @throws ProblemException a 400 ({@code missing_body}, {@code malformed_json}, {@code
   *     unknown_field}, {@code invalid_type}, {@code invalid_value}) naming the field
   */
  public static <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new ProblemException(
          Problem.badField("missing_body", "$", "The request needs a JSON body."));
    }
    try {
      return MAPPER.readValue(body, type);
    } catch (IOException e) {
      throw new ProblemException(problemFor(e));
    }
  }

  private static Problem problemFor(IOException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      String field = path(u.getPath());
      return Problem.badField("unknown_field", field, "Field '" + field + "' is not allowed here.");
    }
    if (e instanceof JsonMappingException m && m.getCause() instanceof InputCoercionException) {
      String field = path(m.getPath());
      return Problem.badField(
          "number_out_of_range", field, "Field '" + field + "' is out of the accepted range.");
    }
    if (e instanceof InvalidFormatException f) {
      String field = path(f.getPath());
      return Problem.badField("invalid_type", field, "Field '" + field + "' has the wrong type.");
    }
    if (e instanceof MismatchedInputException m) {
      String field = path(m.getPath());
      return Problem.badField("invalid_type", field, "Field '" + field + "' has the wrong type.");
    }
    if (e instanceof InputCoercionException c) {
      String field = parserPath(c.getProcessor());
      return Problem.badField(
          "number_out_of_range", field, "Field '" + field + "' is out of the accepted range.");
    }
    if (e instanceof StreamConstraintsException) {
      return Problem.badField(
          "malformed_json", "$", "The body exceeds the JSON limits (nesting, number or length).");
    }
    if (e instanceof JsonMappingException m) {
      String field = path(m.getPath());
      return Problem.badField("invalid_value", field, "Field '" + field + "' is not acceptable.");
    }
    if (e instanceof JsonProcessingException p) {
      return Problem.badField(
          "malformed_json", parserPath(p.getProcessor()), "The body is not well-formed JSON.");
    }
    return Problem.badField("malformed_json", "$", "The body could not be read as JSON.");
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(safeName(r.getFieldName()));
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.isEmpty() ? "$" : b.toString();
  }

  /**
   * A field name as it may be echoed: names of our own schemas pass; anything else a client made up
   * (long, odd characters) is replaced, so a body never reflects arbitrary input.
   */
  private static String safeName(String name) {
    return SAFE_NAME.matcher(name).matches() ? name : "(field)";
  }

  private static String parserPath(Object processor) {
    if (!(processor instanceof JsonParser parser)) {
      return "$";
    }
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = parser.getParsingContext(); c != null; c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        parts.push(safeName(c.getCurrentName()));
      } else if (c.inArray()) {
        parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
      }
    }
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (!b.isEmpty() && !p.startsWith("[")) {
        b.append('.');
      }
      b.append(p);
    }
    return b.isEmpty() ? "$" : b.toString();
  }
}
