package dev.sommelier.tasks.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.sommelier.core.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The JSON of the jobs' reports and results: indented, paths as plain strings, NaN (a metric with
 * no data) as the string {@code "NaN"}. Files are written atomically: a reader sees the old file or
 * the new one, never half of one.
 */
public final class JobJson {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .registerModule(new SimpleModule().addSerializer(Path.class, ToStringSerializer.instance));

  private JobJson() {}

  /** The JSON tree of a job's result, for printing. */
  public static JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }

  /** Writes {@code value} to {@code file} through a temporary sibling renamed into place. */
  public static void write(Path file, Object value) {
    try {
      AtomicFiles.write(file, out -> JSON.writeValue(out, value));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a part of a model card's info (such as tuned cut points) as {@code type}. */
  public static <T> T convert(Object value, Class<T> type) {
    return JSON.convertValue(value, type);
  }
}
