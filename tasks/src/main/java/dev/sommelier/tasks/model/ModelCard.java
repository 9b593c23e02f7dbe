package dev.sommelier.tasks.model;

import java.util.Map;

/**
 * The {@code model.json} of a model directory: the graph's recipe plus what a person needs to trust
 * it later (how it was trained, on what, with which library versions).
 *
 * @param format version of this file's layout
 * @param config how to rebuild the graph
 * @param preprocessing how input pixels are scaled, for readers outside Java: a Keras mode
 *     ({@code caffe}, {@code tf}, ...) or {@code affine}, an imported model's own preprocessing
 *     layers, whose per-channel scale and offset {@code config.preprocessing} holds
 * @param gradCamLayer the layer Grad-CAM explains by default
 * @param info free-form facts: training settings, data-set hash, versions
 */
public record ModelCard(
    int format, ModelConfig config, String preprocessing, String gradCamLayer, Map<String, Object> info) {

  /** The layout version written by this code. */
  public static final int FORMAT = 1;
}
