package dev.sommelier.tools.compare;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A run's answers on its evaluated images, from its {@code test-predictions.csv} ({@code
 * id,true,predicted}): for each image id, whether the predicted class is the true one.
 *
 * @param correct image id to right or wrong, in file order
 */
record TestAnswers(Map<String, Boolean> correct) {

  /** The predictions file of a training run folder. */
  static final String FILE = "test-predictions.csv";

  /** Reads {@code runDir}'s predictions. */
  static TestAnswers read(Path runDir) throws IOException {
    Path file = runDir.resolve(FILE);
    Map<String, Boolean> correct = new LinkedHashMap<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
          .parse(in)) {
        correct.put(r.get("id"), r.get("true").equals(r.get("predicted")));
      }
    }
    return new TestAnswers(correct);
  }

  /** The answers on {@code ids}, in that order. */
  boolean[] on(List<String> ids) {
    boolean[] a = new boolean[ids.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = correct.get(ids.get(i));
    }
    return a;
  }
}
