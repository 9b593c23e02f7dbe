package dev.sommelier.tasks.jobs;

import dev.sommelier.core.AtomicFiles;
import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.NaturalOrder;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.data.SkippedSample;
import dev.sommelier.tasks.data.check.CheckedData;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files a job left out, listed in {@code OUT/skipped-files.csv} as {@code
 * file,label,reason,stage}: those that did not decode when the data were checked, before the split
 * (stage {@code check}: they are in no part), and those a part's pipeline could not read later,
 * although they decoded at the check (stage: the part's name). Such a late skip means the file
 * changed on disk; it is logged at WARN with how many of the part's images were used, so that no
 * count changes silently. Each file is listed once, at its first skip. The file is written when
 * the list starts and again whenever a file is added, so it is there even if the job fails later.
 */
public final class SkippedFiles {

  /** The list's file name in a job's output folder. */
  public static final String FILE = "skipped-files.csv";
  /** The stage of the files left out before the split. */
  public static final String CHECK = "check";

  private static final Logger LOG = LoggerFactory.getLogger(SkippedFiles.class);

  private final Path file;
  private final DataSet data;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  private record Entry(SkippedSample skipped, String stage) {}

  private SkippedFiles(Path file, CheckedData checked) {
    this.file = file;
    this.data = checked.usable();
    checked.skipped().forEach(s -> entries.put(s.id(), new Entry(s, CHECK)));
  }

  /**
   * Starts the list with the files {@code checked} left out and writes it to {@code file}; logs at
   * WARN how many per class when there are any.
   */
  public static SkippedFiles start(Path file, CheckedData checked) {
    SkippedFiles list = new SkippedFiles(file, checked);
    if (!checked.skipped().isEmpty()) {
      LOG.warn("{} of {} files cannot be decoded and are left out before the split ({}); listed"
              + " with the reasons in {}", checked.skipped().size(), checked.found(),
          list.perLabel(checked.skipped()), file);
    }
    list.write();
    return list;
  }

  /**
   * Adds the files of the part {@code part} ({@code size} images) that its pipeline skipped; when
   * any is new, logs it at WARN and writes the list again.
   */
  public void add(String part, int size, List<SkippedSample> skipped) {
    List<SkippedSample> added = skipped.stream().filter(s -> !entries.containsKey(s.id()))
        .toList();
    added.forEach(s -> entries.put(s.id(), new Entry(s, part)));
    if (!added.isEmpty()) {
      LOG.warn("{} image(s) of the {} part could not be read although they decoded when the data"
              + " were checked (changed on disk?): the {} part used {} of its {} images; listed in"
              + " {}", added.size(), part, part, size - skipped.size(), size, file);
      write();
    }
  }

  /** The ids of every file left out, in natural order. */
  public List<String> ids() {
    return entries.keySet().stream().sorted(NaturalOrder.INSTANCE).toList();
  }

  /** Writes the list atomically; a header alone when no file was left out. */
  private void write() {
    try {
      AtomicFiles.write(file, out -> {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
          csv.printRecord("file", "label", "reason", "stage");
          for (Entry e : entries.values()) {
            csv.printRecord(e.skipped().id(), label(e.skipped().sample()), e.skipped().reason(),
                e.stage());
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The class name, or the value ({@code 3} for a whole number). */
  private String label(Sample s) {
    if (data.kind() == DataSet.Kind.CLASSES) {
      return data.classNames().get(s.classIndex());
    }
    float v = s.value();
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Float.toString(v);
  }

  /** {@code circle 3, square 5}: files per label, in order of first appearance. */
  private String perLabel(List<SkippedSample> skipped) {
    Map<String, Long> counts = skipped.stream().collect(Collectors.groupingBy(
        s -> label(s.sample()), LinkedHashMap::new, Collectors.counting()));
    return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
