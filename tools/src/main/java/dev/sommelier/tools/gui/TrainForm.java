package dev.sommelier.tools.gui;

import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.jobs.train.FineTune;
import dev.sommelier.tasks.jobs.train.InitialWeights;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import dev.sommelier.tools.TrainDefaults;
import java.nio.file.Files;

/**
 * The train form's fields as the user typed them; {@link #settings()} turns them into {@link
 * TrainSettings} or says which field is wrong. Everything not on the form keeps the {@code train}
 * command's default.
 *
 * @param backbone a registered backbone with options, e.g. {@code mobilenet_v1:alpha=0.5}
 * @param inputSize square input size, blank for the backbone's default
 * @param weights where the backbone starts: {@code none}, {@code imagenet} or a weights file's
 *     path (blank when a file is to be chosen but has not been)
 * @param dataFolder class folders: {@code DIR/<class>/<image>}
 * @param optimizer sgd, momentum, nesterov or adam
 * @param learningRate the learning rate
 * @param batch images per step
 * @param epochs epochs to train (of the first phase when fine-tuning)
 * @param scope what the first phase trains: head, last-N or all
 * @param fineTune a second phase as {@code SCOPE:EPOCHS[:RATE]} (e.g. {@code last-2:5}), blank
 *     for none
 * @param augment an augmentation spec as {@code --augment} takes it: {@code none}, {@code
 *     default}, or operations such as {@code flip,affine:0.3}
 * @param outFolder where the model and reports go
 */
record TrainForm(String backbone, String inputSize, String weights, String dataFolder,
    String optimizer, String learningRate, String batch, String epochs, String scope,
    String fineTune, String augment, String outFolder) {

  /**
   * The form as it opens: the {@code train} command's defaults ({@link TrainDefaults}, the
   * settings builder's), the backbone's own input size, one phase, no folders.
   */
  static TrainForm defaults() {
    return new TrainForm(TrainDefaults.of("--backbone"), "", TrainDefaults.of("--weights"), "",
        TrainDefaults.of("--optimizer"), TrainDefaults.of("--lr"), TrainDefaults.of("--batch"),
        TrainDefaults.of("--epochs"), TrainDefaults.of("--scope"), "",
        TrainDefaults.of("--augment"), "");
  }

  /**
   * The settings these fields describe.
   *
   * @throws IllegalArgumentException naming the first wrong field, or settings that do not fit
   *     together (an unknown backbone, fine-tuning after a first phase that is not the head)
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
        .backboneWeights(initialWeights())
        .optimizer(OptimizerKind.parse(optimizer))
        .learningRate(Fields.positiveFloat(learningRate, "learning rate"))
        .batchSize(Fields.positiveInt(batch, "batch"))
        .epochs(Fields.positiveInt(epochs, "epochs"))
        .scope(TrainScope.parse(scope))
        .fineTune(fineTune == null || fineTune.isBlank() ? null : FineTune.parse(fineTune))
        .augmentation(AugmentationConfig.parse(augment))
        .build();
  }

  private InitialWeights initialWeights() {
    if (weights == null || weights.isBlank()) {
      throw new IllegalArgumentException("choose the weights file");
    }
    InitialWeights w = InitialWeights.parse(weights);
    if (w instanceof InitialWeights.File f && !Files.exists(f.path())) {
      throw new IllegalArgumentException(
          "no file or folder at " + f.path().toAbsolutePath() + " (weights file)");
    }
    return w;
  }
}
