package dev.sommelier.tools.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run file as read: option names (long names without {@code --}) with their values as text, in
 * file order. A value is a scalar or a list of scalars; a scalar is one value of the list.
 *
 * @param file the file, as given
 * @param entries option name to its values, in file order
 */
record RunFile(Path file, Map<String, List<String>> entries) {

  /** Copies the entries. */
  RunFile {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  /**
   * Reads a YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}) file of option names and
   * values. An empty file has no entries.
   *
   * @throws IllegalArgumentException naming the file: missing, unreadable, of another type, not
   *     valid YAML or JSON, not a mapping, or with a value that is empty or nested
   */
  static RunFile read(Path file) {
    ObjectMapper mapper = mapperFor(file);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no config file at " + file.toAbsolutePath());
    }
    JsonNode root;
    try {
      root = mapper.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + " is not valid " + format(file) + location(e) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, List<String>> entries = new LinkedHashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new RunFile(file, entries);
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException(file + " must map option names to values, e.g."
          + " 'epochs: 5'; it holds a " + root.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      entries.put(e.getKey(), values(file, e.getKey(), e.getValue()));
    }
    return new RunFile(file, entries);
  }

  /** The folder relative paths in the file are resolved against. */
  Path folder() {
    return file.toAbsolutePath().getParent();
  }

  /**
   * The mapper for the file's type: YAML for {@code .yaml} and {@code .yml}, JSON for {@code
   * .json}; duplicate keys are an error.
   *
   * @throws IllegalArgumentException for any other file name
   */
  static ObjectMapper mapperFor(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString()
        .toLowerCase(Locale.ROOT);
    ObjectMapper mapper;
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      mapper = new YAMLMapper(YAMLFactory.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .build());
    } else if (name.endsWith(".json")) {
      mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    } else {
      throw new IllegalArgumentException(
          "config file " + file + " must be YAML (.yaml, .yml) or JSON (.json)");
    }
    return mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  /** The values of {@code key}: one for a scalar, each element of a list of scalars. */
  static List<String> values(Path file, String key, JsonNode value) {
    if (value.isValueNode() && !value.isNull()) {
      return List.of(value.asText());
    }
    if (value.isArray()) {
      List<String> list = new ArrayList<>();
      for (JsonNode element : value) {
        if (!element.isValueNode() || element.isNull()) {
          throw new IllegalArgumentException(
              file + ", key '" + key + "': a list holds plain values, e.g. [16, 8]");
        }
        list.add(element.asText());
      }
      return list;
    }
    throw new IllegalArgumentException(file + ", key '" + key + "': "
        + (value.isNull() ? "no value; give one or remove the key"
            : "a value or a list of values is needed, not a mapping"));
  }

  private static String format(Path file) {
    return file.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? "JSON" : "YAML";
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
