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
 * {@code sommelier verify-import}: rebuilds a Keras SavedModel with the importer and compares its
 * outputs with the SavedModel's own on seeded test images. Exit 0 when they agree within the
 * tolerance, 1 when they do not.
 */
@Command(
    name = "verify-import",
    mixinStandardHelpOptions = true,
    description = "Checks that a Keras SavedModel rebuilt by the importer computes what the "
        + "SavedModel computes, on seeded non-constant test images.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier verify-import --saved-model exported/my-keras-model",
      "  sommelier verify-import --saved-model exported/my-keras-model --images 8 \\",
      "      --tolerance 1e-5",
      "  sommelier verify-import --saved-model exported/my-keras-model --json",
      "",
      "Exit status: 0 pass, 1 the outputs differ (or do not depend on the image), 2 bad input."
    })
final class VerifyImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--saved-model",
      paramLabel = "DIR",
      required = true,
      description = "A Keras SavedModel directory.")
  Path savedModel;

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
    Path dir = Cli.savedModelDir(savedModel);
    ImportVerification v =
        ImportVerifier.verify(dir, BackboneRegistry.load(), deviceOption.device(), images, seed);
    boolean withinTolerance = v.maxAbsDifference() <= tolerance;
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
    out.println("SavedModel           " + v.savedModel());
    out.println("Backbone             " + v.backbone() + ", input " + v.inputSize() + "x"
        + v.inputSize() + "x3");
    out.println("Top layers           "
        + (v.topLayers().isEmpty() ? "none" : String.join(", ", v.topLayers())));
    out.println("Images               " + v.images() + " (seed " + seed + ")");
    out.println("Output shape         " + v.outputShape());
    out.println("Imported variables   " + v.importedVariables());
    out.println("Parameters           " + Cli.count(v.parameters()));
    out.println(String.format(Locale.ROOT, "Max |difference|     %.3e (tolerance %.1e)",
        v.maxAbsDifference(), tolerance));
    out.println(String.format(Locale.ROOT, "Max |output|         %.4g", v.maxAbsOutput()));
    if (!withinTolerance) {
      out.println("FAIL: the rebuilt outputs differ from the SavedModel's beyond the tolerance");
    } else if (!v.outputsDifferAcrossImages()) {
      out.println("FAIL: every image gives the same output, so the comparison proves nothing");
    } else {
      out.println("PASS");
    }
    out.flush();
  }
}
