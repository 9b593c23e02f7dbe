/**
 * Evaluation in plain Java, no TensorFlow: classification reports (accuracy, top-k, per-class
 * precision / recall / F1, confusion matrix), prediction decoding, regression metrics, and rank
 * evaluation for regressors trained on integer grades (rounding versus thresholds tuned on a
 * validation set, error distribution per true rank).
 *
 * <p>Every result is a record that Jackson serialises to readable JSON.
 */
package dev.sommelier.tasks.eval;
