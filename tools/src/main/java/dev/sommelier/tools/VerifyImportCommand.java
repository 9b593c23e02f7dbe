package dev.sommelier.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.keras.ImportVerification;
import dev.sommelier.backbones.keras.ImportVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sommelier verify-import}: rebuilds a Keras model (SavedModel, {@code .h5} or {@code
 * .keras}) with the importer and, for a SavedModel, compares its outputs with the SavedModel's own
 * on seeded test images. Exit 0 when they agree within the tolerance (or, without a model to run as
 * saved, when the import used every weight), 1 when they do not.
 */
@Command(
    name = "verify-import",
    mixinStandardHelpOptions = true,
    description = "Checks that a Keras model rebuilt by the importer computes what the saved "
        + "model computes, on seeded non-constant test images. Only a SavedModel can be run as "
        + "saved; for .h5 and .keras files the check is the import itself (every weight used, "
        + "every shape right).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier verify-import --keras-model exported/my-keras-model",
      "  sommelier verify-import --keras-model exported/my-keras-model --images 8 \\",
      "      --tolerance 1e-5",
      "  sommelier verify-import --keras-model my_model.h5 --json",
      "",
      "Exit status: 0 pass, 1 the outputs differ (or do not depend on the image), 2 bad input."
    })
final class VerifyImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"--keras-model", "--saved-model"},
      paramLabel = "FILE_OR_DIR",
      required = true,
      description = "A Keras model: SavedModel directory, .h5 (model or weights) or .keras file."
          + " --saved-model is the old name of this option.")
  Path kerasModel;

  @Option(
      names = "--images",
      paramLabel = "N",
      defaultValue = "4",
      description = "Test images to run, at least 2 (default: ${DEFAULT-VALUE}).")
  int images;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "Non-zero seed of the test images (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin DeviceOption deviceOption;

  @Option(
      names = "--tolerance",
      paramLabel = "T",
      defaultValue = "1e-4",
      description = "Largest accepted |rebuilt - SavedModel| (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(names = "--json", description = "Print JSON instead of a report.")
  boolean json;

  @Override
  public Integer call() {
    if (images < 2) {
      throw new IllegalArgumentException(
          "--images must be at least 2 (the check needs images that give different outputs), got "
              + images);
    }
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("--tolerance must be >= 0, got " + tolerance);
    }
    ImportVerification v = ImportVerifier.verify(
        kerasModel, BackboneRegistry.load(), deviceOption.device(), images, seed);
    boolean withinTolerance = !v.compared() || v.maxAbsDifference() <= tolerance;
    boolean pass = withinTolerance && v.outputsDifferAcrossImages();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode tree = Cli.jsonTree(v);
      tree.put("tolerance", tolerance);
      tree.put("pass", pass);
      Cli.printJson(out, tree);
    } else {
      printReport(out, v, withinTolerance);
    }
    return pass ? 0 : 1;
  }

  private void printReport(PrintWriter out, ImportVerification v, boolean withinTolerance) {
    out.println("Keras model          " + v.source() + " (" + v.format() + ")");
    out.println("Backbone             " + v.backbone() + ", input " + v.inputSize() + "x"
        + v.inputSize() + "x3");
    out.println("Preprocessing        " + v.preprocessing()
        + (v.preprocessingLayers().isEmpty()
            ? "" : ", from " + String.join(", ", v.preprocessingLayers())));
    out.println("Top layers           "
        + (v.topLayers().isEmpty() ? "none" : String.join(", ", v.topLayers())));
    out.println("Images               " + v.images() + " (seed " + seed + ")");
    out.println("Output shape         " + v.outputShape());
    out.println("Imported variables   " + v.importedVariables()
        + (v.ignoredWeights() == 0 ? "" : " (" + v.ignoredWeights() + " arrays of layers that"
            + " were not rebuilt left aside)"));
    out.println("Parameters           " + Cli.count(v.parameters()));
    if (v.compared()) {
      out.println("Compared with        " + v.reference());
      out.println(String.format(Locale.ROOT, "Max |difference|     %.3e (tolerance %.1e)",
          v.maxAbsDifference(), tolerance));
    } else {
      out.println("Compared with        nothing: the file (" + v.format() + ") holds no model"
          + " TensorFlow can run as saved, so no reference run was possible; every weight was"
          + " used and every shape matched. For a numeric check, export a SavedModel (TF 2.x"
          + " model.save(dir)) and verify that");
    }
    out.println(String.format(Locale.ROOT, "Max |output|         %.4g", v.maxAbsOutput()));
    if (!withinTolerance) {
      out.println("FAIL: the rebuilt outputs differ from the saved model's beyond the tolerance");
    } else if (!v.outputsDifferAcrossImages()) {
      out.println("FAIL: every image gives the same output, so the comparison proves nothing");
    } else {
      out.println(v.compared() ? "PASS" : "PASS (import checked, outputs not compared)");
    }
    out.flush();
  }
}
