package dev.sommelier.backbones;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Backbones by name, discovered with {@link ServiceLoader}: the built-in ones and any that a jar
 * on the class path adds. Two providers with one name are an error.
 */
public final class BackboneRegistry {

  private final Map<String, BackboneProvider> providers;

  private BackboneRegistry(Map<String, BackboneProvider> providers) {
    this.providers = providers;
  }

  /** The registry of every provider visible to this class's loader. */
  public static BackboneRegistry load() {
    return of(ServiceLoader.load(BackboneProvider.class, BackboneRegistry.class.getClassLoader())
        .stream().map(ServiceLoader.Provider::get).toList());
  }

  /**
   * A registry of exactly these providers.
   *
   * @throws IllegalStateException when two share a name, naming both classes
   */
  public static BackboneRegistry of(List<BackboneProvider> list) {
    Map<String, BackboneProvider> byName = new LinkedHashMap<>();
    for (BackboneProvider p : list) {
      BackboneProvider clash = byName.putIfAbsent(p.name(), p);
      if (clash != null) {
        throw new IllegalStateException(
            "two backbones are named '" + p.name() + "': " + clash.getClass().getName() + " and "
                + p.getClass().getName() + "; remove one of the jars or rename its backbone");
      }
    }
    return new BackboneRegistry(Collections.unmodifiableMap(byName));
  }

  /** All providers, in discovery order. */
  public List<BackboneProvider> providers() {
    return new ArrayList<>(providers.values());
  }

  /**
   * The provider named {@code name}.
   *
   * @throws IllegalArgumentException listing the known names
   */
  public BackboneProvider get(String name) {
    BackboneProvider p = providers.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "unknown backbone '" + name + "'; known: " + String.join(", ", providers.keySet()));
    }
    return p;
  }

  /**
   * Creates a backbone from text such as {@code resnet50} or {@code mobilenet_v1:alpha=0.5}.
   *
   * @param inputSize square input size, or 0 for the backbone's default
   */
  public Backbone create(String qualifiedName, int inputSize) {
    BackboneProvider p = providerOf(qualifiedName);
    return p.create(inputSize > 0 ? inputSize : p.defaultInputSize(), options(qualifiedName));
  }

  /**
   * Whether Keras publishes ImageNet weights for the backbone {@code qualifiedName} (such as
   * {@code mobilenet_v1:alpha=0.25}), whether or not they are on this machine (see {@link
   * ImageNetWeights}).
   *
   * @throws IllegalArgumentException for an unknown backbone or a bad option
   */
  public boolean hasImageNetWeights(String qualifiedName) {
    BackboneProvider p = providerOf(qualifiedName);
    return p.imageNetFiles(p.defaultInputSize(), options(qualifiedName)).isPresent();
  }

  /**
   * The provider of a backbone written with or without options ({@code mobilenet_v1:alpha=0.5}).
   *
   * @throws IllegalArgumentException listing the known names
   */
  public BackboneProvider providerOf(String qualifiedName) {
    return get(name(qualifiedName));
  }

  private static String name(String qualifiedName) {
    int colon = qualifiedName.indexOf(':');
    return (colon < 0 ? qualifiedName : qualifiedName.substring(0, colon)).strip();
  }

  private static Map<String, String> options(String qualifiedName) {
    int colon = qualifiedName.indexOf(':');
    Map<String, String> options = new LinkedHashMap<>();
    if (colon >= 0) {
      for (String kv : qualifiedName.substring(colon + 1).split(",")) {
        String[] parts = kv.split("=", 2);
        if (parts.length != 2 || parts[0].isBlank()) {
          throw new IllegalArgumentException(
              "bad backbone option '" + kv + "' in '" + qualifiedName + "': use name:key=value");
        }
        options.put(parts[0].trim(), parts[1].trim());
      }
    }
    return options;
  }
}
