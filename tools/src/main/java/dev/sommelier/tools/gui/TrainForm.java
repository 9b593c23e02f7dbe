package dev.sommelier.tools.gui;

import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.job.DataSource;
import dev.sommelier.tasks.job.TrainSettings;
import dev.sommelier.tasks.train.OptimizerKind;

/**
 * The train form's fields as the user typed them; {@link #settings()} turns them into {@link
 * TrainSettings} or says which field is wrong. Everything not on the form keeps the {@code train}
 * command's default.
 *
 * @param backbone a registered backbone with options, e.g. {@code mobilenet_v1:alpha=0.5}
 * @param inputSize square input size, blank for the backbone's default
 * @param dataFolder class folders: {@code DIR/<class>/<image>}
 * @param optimizer sgd, momentum, nesterov or adam
 * @param learningRate the learning rate
 * @param batch images per step
 * @param epochs epochs to train
 * @param augment an augmentation spec as {@code --augment} takes it: {@code none}, {@code
 *     default}, or operations such as {@code flip,affine:0.3}
 * @param outFolder where the model and reports go
 */
record TrainForm(String backbone, String inputSize, String dataFolder, String optimizer,
    String learningRate, String batch, String epochs, String augment, String outFolder) {

  /** The form as it opens: the {@code train} command's defaults, no folders. */
  static TrainForm defaults() {
    return new TrainForm("mobilenet_v1", "", "", "sgd", "0.001", "32", "10",
        AugmentationConfig.NONE.toString(), "");
  }

  /**
   * The settings these fields describe.
   *
   * @throws IllegalArgumentException naming the first wrong field, or settings that do not fit
   *     together (an unknown backbone)
   */
  TrainSettings settings() {
    if (backbone == null || backbone.isBlank()) {
      throw new IllegalArgumentException("choose a backbone");
    }
    return TrainSettings.builder(
            DataSource.folder(Fields.existingFolder(dataFolder, "data folder")),
            Fields.folder(outFolder, "output folder"))
        .backbone(backbone.strip())
        .inputSize(Fields.optionalPositiveInt(inputSize, "input size"))
        .optimizer(OptimizerKind.parse(optimizer))
        .learningRate(Fields.positiveFloat(learningRate, "learning rate"))
        .batchSize(Fields.positiveInt(batch, "batch"))
        .epochs(Fields.positiveInt(epochs, "epochs"))
        .augmentation(AugmentationConfig.parse(augment))
        .build();
  }
}
