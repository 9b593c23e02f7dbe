package dev.sommelier.tools.gui;

import dev.sommelier.tasks.jobs.predict.PredictSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * The predict form's fields as the user typed them; {@link #settings()} turns them into {@link
 * PredictSettings} or says which field is wrong.
 *
 * @param modelFolder a model directory from training or import
 * @param imagesFolder the folder of images to predict
 * @param outFolder where predictions.csv and predictions.json go; blank for {@code predictions}
 *     beside the model folder
 */
record PredictForm(String modelFolder, String imagesFolder, String outFolder) {

  /** The form as it opens: empty. */
  static PredictForm empty() {
    return new PredictForm("", "", "");
  }

  /**
   * The settings these fields describe, batch 32 on the CPU.
   *
   * @throws IllegalArgumentException naming the first wrong field
   */
  PredictSettings settings() {
    Path model = Fields.existingFolder(modelFolder, "model folder");
    Path images = Fields.existingFolder(imagesFolder, "images folder");
    Path out = outFolder == null || outFolder.isBlank()
        ? model.toAbsolutePath().resolveSibling("predictions")
        : Fields.folder(outFolder, "output folder");
    return PredictSettings.of(model, List.of(images), out);
  }
}
