package dev.sommelier.tasks.job;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.NaturalOrder;
import dev.sommelier.tasks.data.Sample;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a model was trained on, recorded so that a person can tell later whether two runs saw the
 * same data: the number of samples, a SHA-256 of their sorted ids, and the count per class (for
 * values: per value rounded to an integer, the strata the splitter uses).
 *
 * @param samples number of samples
 * @param sha256 hex SHA-256 of the sample ids, relative to the data's folder, sorted in natural
 *     order and joined by newlines
 * @param counts samples per class name (or per rounded value), in class order (ascending values)
 */
public record DataSummary(int samples, String sha256, Map<String, Integer> counts) {

  /** Copies the counts, keeping their order. */
  public DataSummary {
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  /** The summary of {@code data}, ids made relative to {@code base} where they lie under it. */
  public static DataSummary of(DataSet data, Path base) {
    List<String> ids = data.samples().stream().map(s -> relative(s.id(), base))
        .sorted(NaturalOrder.INSTANCE).toList();
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (data.kind() == DataSet.Kind.CLASSES) {
      int[] perClass = data.classCounts();
      for (int c = 0; c < perClass.length; c++) {
        counts.put(data.classNames().get(c), perClass[c]);
      }
    } else {
      Map<Long, Integer> perValue = new TreeMap<>();
      for (Sample s : data.samples()) {
        perValue.merge(Math.round((double) s.value()), 1, Integer::sum);
      }
      perValue.forEach((v, n) -> counts.put(Long.toString(v), n));
    }
    return new DataSummary(ids.size(), sha256(String.join("\n", ids)), counts);
  }

  private static String relative(String id, Path base) {
    String prefix = base.toAbsolutePath().normalize() + File.separator;
    String absolute = id.startsWith(prefix) ? id : tryAbsolute(id);
    return absolute.startsWith(prefix) ? absolute.substring(prefix.length()) : id;
  }

  /** The id as an absolute path when it is a relative path; otherwise the id itself. */
  private static String tryAbsolute(String id) {
    try {
      return Path.of(id).toAbsolutePath().normalize().toString();
    } catch (InvalidPathException e) {
      return id;
    }
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }
}

