package dev.sommelier.backbones;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks a backbone's option map against the keys it accepts. */
public final class Options {

  private Options() {}

  /**
   * @throws IllegalArgumentException naming the unknown keys and the accepted ones
   */
  public static void requireKnown(String backbone, Map<String, String> options, Set<String> accepted) {
    Set<String> unknown = new TreeSet<>(options.keySet());
    unknown.removeAll(accepted);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          backbone + " has no option " + unknown + "; accepted: "
              + (accepted.isEmpty() ? "none" : new TreeSet<>(accepted)));
    }
  }
}
