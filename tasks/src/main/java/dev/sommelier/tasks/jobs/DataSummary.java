package dev.sommelier.tasks.jobs;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.NaturalOrder;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.data.SkippedSample;
import dev.sommelier.tasks.data.check.CheckedData;
import dev.sommelier.tasks.data.split.DataSplits;
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
import java.util.TreeSet;

/**
 * What a model was trained on, recorded so that a person can tell later whether two runs saw the
 * same data: how many files were found, how many images were used (those that decode) and how
 * many files were left out because they do not, a SHA-256 of the used samples' sorted ids, and the
 * same counts per class (for values: per value rounded to an integer, the strata the splitter
 * uses) and per part of the split. Every map has the same keys in the same order: every class
 * (ascending values), with zeros.
 *
 * @param files image files (or records) found
 * @param samples images used: the files that decode, which the parts are made of
 * @param skipped files left out because they do not decode
 * @param sha256 hex SHA-256 of the used samples' ids, relative to the data's folder, sorted in
 *     natural order and joined by newlines
 * @param counts images used per class name (or per rounded value)
 * @param skippedCounts files left out per class name (or per rounded value)
 * @param parts images used per class in each part of the split ({@code train}, {@code
 *     validation}, {@code test}); empty when the data were not split
 */
public record DataSummary(int files, int samples, int skipped, String sha256,
    Map<String, Integer> counts, Map<String, Integer> skippedCounts,
    Map<String, Map<String, Integer>> parts) {

  /** Copies the maps, keeping their order; a map missing (an older report) is empty. */
  public DataSummary {
    counts = copy(counts);
    skippedCounts = copy(skippedCounts);
    Map<String, Map<String, Integer>> copies = new LinkedHashMap<>();
    if (parts != null) {
      parts.forEach((part, perClass) -> copies.put(part, copy(perClass)));
    }
    parts = Collections.unmodifiableMap(copies);
  }

  /**
   * The summary of checked data, ids made relative to {@code base} where they lie under it.
   *
   * @param parts the split of {@code checked}'s usable samples, or null when they were not split
   */
  public static DataSummary of(CheckedData checked, Path base, DataSplits parts) {
    DataSet data = checked.usable();
    List<String> ids = data.samples().stream().map(s -> relative(s.id(), base))
        .sorted(NaturalOrder.INSTANCE).toList();
    List<Sample> skipped = checked.skipped().stream().map(SkippedSample::sample).toList();
    List<String> keys = keys(data, skipped);
    Map<String, Map<String, Integer>> perPart = new LinkedHashMap<>();
    if (parts != null) {
      perPart.put("train", count(data, parts.train().samples(), keys));
      perPart.put("validation", count(data, parts.validation().samples(), keys));
      perPart.put("test", count(data, parts.test().samples(), keys));
    }
    return new DataSummary(checked.found(), data.size(), skipped.size(),
        sha256(String.join("\n", ids)), count(data, data.samples(), keys),
        count(data, skipped, keys), perPart);
  }

  /**
   * The stratum of every sample: class (or label) names in index order, or rounded values
   * ascending.
   */
  private static List<String> keys(DataSet data, List<Sample> skipped) {
    if (data.kind() != DataSet.Kind.VALUES) {
      return data.classNames();
    }
    TreeSet<Long> values = new TreeSet<>();
    data.samples().forEach(s -> values.add(Math.round((double) s.value())));
    skipped.forEach(s -> values.add(Math.round((double) s.value())));
    return values.stream().map(v -> Long.toString(v)).toList();
  }

  private static Map<String, Integer> count(DataSet data, List<Sample> samples,
      List<String> keys) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    keys.forEach(k -> counts.put(k, 0));
    for (Sample s : samples) {
      if (data.kind() == DataSet.Kind.LABELS) {
        // A sample counts once under each label it carries.
        s.labels().forEach(l -> counts.merge(data.classNames().get(l), 1, Integer::sum));
        continue;
      }
      String key = data.kind() == DataSet.Kind.CLASSES ? data.classNames().get(s.classIndex())
          : Long.toString(Math.round((double) s.value()));
      counts.merge(key, 1, Integer::sum);
    }
    return counts;
  }

  private static Map<String, Integer> copy(Map<String, Integer> map) {
    return Collections.unmodifiableMap(map == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(map));
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

