package dev.sommelier.tools.gui;

import dev.sommelier.tools.CompareArguments;
import dev.sommelier.tools.TrainDefaults;
import dev.sommelier.tools.compare.Comparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The compare form's fields as the user typed them; {@link #comparison()} turns them into the
 * {@link Comparison} that {@code sommelier compare} would run with the same choices, or says which
 * field is wrong. Everything not on the form keeps the command's default (split 6:2:2, seed 42,
 * six test images explained).
 *
 * @param dataFolder class folders: {@code DIR/<class>/<image>}
 * @param backbones the backbones to compare, comma-separated (ignored with a runs file)
 * @param weights {@code imagenet} or {@code none}: where the backbones start (ignored with a runs
 *     file)
 * @param epochs epochs of every run that does not set its own
 * @param inputSize input size of every run that does not set its own; blank for each backbone's
 *     default
 * @param runsFile a YAML or JSON runs file; blank to compare the backbones
 * @param outFolder where the run folders and {@code compare/} go
 */
record CompareForm(String dataFolder, String backbones, String weights, String epochs,
    String inputSize, String runsFile, String outFolder) {

  /** The backbones the form opens with: an MLP on pixels, a small CNN and a small MobileNet. */
  static final String BACKBONES = "pixels,simple_cnn,mobilenet_v1:alpha=0.25";

  /** The form as it opens: three backbones from ImageNet weights where they have them. */
  static CompareForm defaults() {
    return new CompareForm("", BACKBONES, "imagenet", TrainDefaults.of("--epochs"), "", "", "");
  }

  /**
   * The comparison these fields describe.
   *
   * @throws IllegalArgumentException naming the first wrong field, or choices that {@code
   *     compare} refuses (an unknown backbone, a bad runs file)
   * @throws IOException when the runs file cannot be read
   */
  Comparison comparison() throws IOException {
    List<String> args = new ArrayList<>(List.of(
        "--folder=" + Fields.existingFolder(dataFolder, "data folder"),
        "--epochs=" + Fields.positiveInt(epochs, "epochs"),
        "--out=" + Fields.folder(outFolder, "output folder")));
    int size = Fields.optionalPositiveInt(inputSize, "input size");
    if (size > 0) {
      args.add("--input-size=" + size);
    }
    if (runsFile != null && !runsFile.isBlank()) {
      Path file = Path.of(runsFile.strip());
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no file at " + file.toAbsolutePath() + " (runs file)");
      }
      args.add("--runs=" + file);
    } else if (backbones == null || backbones.isBlank()) {
      throw new IllegalArgumentException("name the backbones to compare, or choose a runs file");
    } else {
      args.add("--backbones=" + backbones.strip());
      args.add("--weights=" + weights);
    }
    return CompareArguments.comparison(args);
  }
}
