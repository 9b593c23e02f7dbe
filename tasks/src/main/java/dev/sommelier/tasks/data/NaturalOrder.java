package dev.sommelier.tasks.data;

import java.util.Comparator;

/**
 * Natural ("human") order of names: runs of digits compare as numbers, the rest as text, so that
 * {@code "2" < "10"} and {@code "cucumber_2" < "cucumber_10"}. Names equal as numbers ({@code
 * "01"}, {@code "1"}) fall back to plain {@link String#compareTo}, which keeps the order total and
 * stable. Class names map to class indices in this order.
 */
public final class NaturalOrder implements Comparator<String> {

  /** The one instance. */
  public static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (isDigit(ca) && isDigit(cb)) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        int c = compareNumbers(a, i, endA, b, j, endB);
        if (c != 0) {
          return c;
        }
        i = endA;
        j = endB;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    int byLength = Integer.compare(a.length() - i, b.length() - j);
    return byLength != 0 ? byLength : a.compareTo(b);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digitsEnd(String s, int from) {
    int k = from;
    while (k < s.length() && isDigit(s.charAt(k))) {
      k++;
    }
    return k;
  }

  /** Compares two digit runs of any length by value, without parsing. */
  private static int compareNumbers(String a, int i, int endA, String b, int j, int endB) {
    while (i < endA - 1 && a.charAt(i) == '0') {
      i++;
    }
    while (j < endB - 1 && b.charAt(j) == '0') {
      j++;
    }
    int byDigits = Integer.compare(endA - i, endB - j);
    if (byDigits != 0) {
      return byDigits;
    }
    for (; i < endA; i++, j++) {
      if (a.charAt(i) != b.charAt(j)) {
        return Character.compare(a.charAt(i), b.charAt(j));
      }
    }
    return 0;
  }
}
