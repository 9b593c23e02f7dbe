package dev.sommelier.tasks.eval;

import java.util.List;

/**
 * How a multi-label model did: per label, and over all labels.
 *
 * @param samples samples evaluated
 * @param labels per-label numbers, in label index order
 * @param microF1 F1 of all (sample, label) decisions pooled
 * @param macroF1 mean of the per-label F1
 * @param meanAveragePrecision mean of the per-label average precision, over the labels some sample
 *     carries
 * @param subsetAccuracy share of samples whose predicted label set is exactly the true one
 * @param hammingLoss share of (sample, label) decisions that are wrong
 * @param labelCardinality mean number of labels a sample carries
 * @param predictedCardinality mean number of labels predicted per sample
 */
public record MultiLabelReport(int samples, List<LabelMetrics> labels, double microF1,
    double macroF1, double meanAveragePrecision, double subsetAccuracy, double hammingLoss,
    double labelCardinality, double predictedCardinality) {

  /** Copies the labels. */
  public MultiLabelReport {
    labels = List.copyOf(labels);
  }
}
