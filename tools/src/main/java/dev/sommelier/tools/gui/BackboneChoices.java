package dev.sommelier.tools.gui;

import dev.sommelier.backbones.BackboneProvider;
import dev.sommelier.backbones.BackboneRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The backbone names the form offers: each registered backbone, then its listed variants. */
final class BackboneChoices {

  private BackboneChoices() {}

  /** {@code resnet50, mobilenet_v1, mobilenet_v1:alpha=0.25, ...} in registry order. */
  static List<String> of(BackboneRegistry registry) {
    List<String> names = new ArrayList<>();
    for (BackboneProvider p : registry.providers()) {
      names.add(p.name());
      for (Map<String, String> options : p.listedOptions()) {
        if (!options.isEmpty()) {
          names.add(p.name() + ":" + new TreeMap<>(options).entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(",")));
        }
      }
    }
    return names;
  }
}
