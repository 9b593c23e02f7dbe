package dev.sommelier.tools;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Option values that name an enum constant, in any case, with '-' for '_'. */
final class Choices {

  private Choices() {}

  /**
   * The constant of {@code type} that {@code text} names.
   *
   * @throws IllegalArgumentException naming the option and the accepted values
   */
  static <E extends Enum<E>> E parse(Class<E> type, String text, String option) {
    String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + option + " '" + text + "': use "
        + Arrays.stream(type.getEnumConstants())
            .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .collect(Collectors.joining(", ")));
  }
}
