package dev.sommelier.backbones.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One layer of a Keras model as its saved config describes it.
 *
 * @param className Keras class ({@code Conv2D}, {@code Dense}, ...)
 * @param name layer name
 * @param config the layer's {@code get_config()} JSON
 * @param inbound names of the layers that feed it (empty for an input); a Sequential model's
 *     layers are chained, a nested model's inputs and outputs resolved to the layers they stand for
 * @param call the layer's first inbound node as saved, whose keyword arguments hold the constant of
 *     a {@code TFOpLambda} ({@code ["input_1", 0, 0, {"y": 127.5}]}), or null
 */
public record KerasLayer(
    String className, String name, JsonNode config, List<String> inbound, JsonNode call) {

  public KerasLayer {
    inbound = List.copyOf(inbound);
  }

  /** A config entry that is a tuple or list of integers (Keras writes tuples two ways). */
  public List<Long> longs(String key) {
    JsonNode n = config.path(key);
    if (n.has("items")) {
      n = n.get("items");
    }
    List<Long> out = new ArrayList<>();
    n.forEach(item -> out.add(item.isNull() ? -1L : item.asLong()));
    return out;
  }

  /** A nested tuple of integer tuples, e.g. ZeroPadding2D's ((top, bottom), (left, right)). */
  public List<List<Long>> nestedLongs(String key) {
    JsonNode n = config.path(key);
    if (n.has("items")) {
      n = n.get("items");
    }
    List<List<Long>> out = new ArrayList<>();
    for (JsonNode inner : n) {
      JsonNode items = inner.has("items") ? inner.get("items") : inner;
      List<Long> row = new ArrayList<>();
      if (items.isNumber()) {
        row.add(items.asLong());
        row.add(items.asLong());
      } else {
        items.forEach(i -> row.add(i.asLong()));
      }
      out.add(row);
    }
    return out;
  }

  /** A string config entry, or {@code fallback}. */
  public String text(String key, String fallback) {
    JsonNode n = config.get(key);
    return n == null || n.isNull() ? fallback : n.asText();
  }
}
