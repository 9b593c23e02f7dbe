package dev.sommelier.backbones.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Parses the JSON Keras writes (Python's {@code json.dumps}, which may write NaN). */
final class KerasJson {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private KerasJson() {}

  /**
   * @param where the file, for the message
   * @throws IllegalArgumentException naming the file when the text is not JSON
   */
  static JsonNode parse(String json, Object where) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          where + " holds a Keras config that is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
