package dev.sommelier.tools.compare;

import dev.sommelier.tasks.train.FeatureUse;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a comparison found; also the content of {@code OUT/compare/comparison.json}.
 *
 * @param out the comparison's output folder (a run folder per run in it)
 * @param json this result's file, {@code OUT/compare/comparison.json}
 * @param data the data source, as the runs' settings write it
 * @param split images per part, the same for every run
 * @param seed the seed every run used
 * @param testPart the part every run was evaluated on ({@code test}, or {@code validation}
 *     without a test part)
 * @param testImages images evaluated, the same for every run
 * @param runs the runs, in the order they ran
 * @param pairs McNemar's test for every two classification runs; empty for regression
 * @param explainedImages the test images every run explained, in order; empty when none was
 * @param trueClasses the true class of each explained image
 * @param boxes the object boxes' file the explanations were scored against (the pointing game);
 *     null when none was given
 * @param explanations each run's explanations of them
 * @param featureUses every request for backbone features during this invocation, oldest first:
 *     computed ones are backbone passes over the training images, reused ones are not
 */
public record ComparisonResult(
    Path out,
    Path json,
    String data,
    Map<String, Integer> split,
    long seed,
    String testPart,
    int testImages,
    List<ComparedRun> runs,
    List<RunPair> pairs,
    List<Path> explainedImages,
    List<String> trueClasses,
    Path boxes,
    List<RunExplanations> explanations,
    List<FeatureUse> featureUses) {

  /** Copies the lists. */
  public ComparisonResult {
    split = Collections.unmodifiableMap(new LinkedHashMap<>(split));
    runs = List.copyOf(runs);
    pairs = List.copyOf(pairs);
    explainedImages = List.copyOf(explainedImages);
    trueClasses = List.copyOf(trueClasses);
    explanations = List.copyOf(explanations);
    featureUses = List.copyOf(featureUses);
  }

  /** Whether the runs classify (and so have accuracies, intervals and pairs). */
  public boolean classification() {
    return runs.get(0).evaluation().classification() != null;
  }
}
