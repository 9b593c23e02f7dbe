package dev.sommelier.tools;

import dev.sommelier.tasks.explain.ExplainMethod;
import dev.sommelier.tasks.explain.ExplainMethods;
import dev.sommelier.tasks.jobs.JobJson;
import dev.sommelier.tasks.jobs.SkippedImage;
import dev.sommelier.tasks.jobs.explain.FaithfulnessJob;
import dev.sommelier.tasks.jobs.explain.FaithfulnessResult;
import dev.sommelier.tasks.jobs.explain.FaithfulnessSettings;
import dev.sommelier.tools.report.FaithfulnessPage;
import dev.sommelier.tools.report.FaithfulnessTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sommelier faithfulness}: the faithfulness benchmark of several explanation methods on a
 * saved model ({@link FaithfulnessJob}), as a table, {@code --json}, {@code
 * OUT/faithfulness.json} and {@code OUT/faithfulness.html}. A command of its own rather than an
 * {@code explain} option: it compares methods where {@code explain} applies one, and writes one
 * table rather than files per image.
 */
@Command(
    name = "faithfulness",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Measures how faithful each explanation method's maps are to a saved model on"
        + " a set of images, to pick the method to believe: deletion and insertion AUC against a"
        + " random order, ROAD (removed pixels filled from their neighbours, so the model does"
        + " not just react to a mask), the average drop and increase in confidence, and with"
        + " --boxes the pointing game and the map's energy inside the box; each method's time"
        + " against one forward pass. Each image's most probable class (a regressor's value) is"
        + " explained. Writes OUT/faithfulness.json and OUT/faithfulness.html.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier faithfulness --model runs/logos/model --images test/ --out faith",
      "  sommelier faithfulness --model runs/logos/model --images test/ \\",
      "      --boxes test/boxes.csv --methods gradcam,layercam,fusion --out faith"
    })
final class FaithfulnessCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--model", paramLabel = "DIR", required = true,
      description = "A model directory (from train or import).")
  Path model;

  @Option(names = "--images", paramLabel = "PATH", arity = "1..*", required = true,
      description = "Image files and folders of images.")
  List<Path> images;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Output folder for faithfulness.json and faithfulness.html.")
  Path out;

  @Option(names = "--methods", paramLabel = "A,B", split = ",",
      converter = ExplainCommand.MethodConverter.class,
      description = "Methods to compare (default: every method with one run per batch:"
          + " gradcam, gradcam++, xgradcam, hirescam, layercam, eigencam, fusion, saliency;"
          + " scorecam, smoothgrad and integrated-gradients cost a run per channel, 25 and 32).")
  List<ExplainMethod> methods;

  @Option(names = "--layer", paramLabel = "NAME",
      description = "Layer the CAM methods explain (default: each method's own).")
  String layer;

  @Option(names = "--boxes", paramLabel = "CSV",
      description = "Object boxes (path,x0,y0,x1,y1 or path,x,y,width,height; pixels, paths"
          + " relative to the CSV) for the pointing game and the energy in the box (default:"
          + " none, those columns are left out).")
  Path boxes;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "10",
      description = "Steps of the curves, each 1/N of the pixels (default: ${DEFAULT-VALUE};"
          + " 6N forward passes per image and method).")
  int steps;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "16",
      description = "Images per batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Seed of the random orders (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin DeviceOption deviceOption;

  @Option(names = "--json", description = "Print the result as JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    FaithfulnessResult r = new FaithfulnessJob(new FaithfulnessSettings(model, images, out,
        methods == null ? ExplainMethods.cheap() : methods, layer, boxes, steps, batch, seed,
        deviceOption.device())).run();
    Path page = FaithfulnessPage.write(r, out.resolve("faithfulness.html"));
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Cli.printJson(o, JobJson.tree(r));
      return 0;
    }
    List<String> header = FaithfulnessTable.header(r);
    TextTable table = new TextTable(header.toArray(String[]::new));
    for (int c = 2; c < header.size(); c++) {
      table.rightAlign(c);
    }
    FaithfulnessTable.rows(r).forEach(row -> table.row(row.toArray(String[]::new)));
    o.printf(Locale.ROOT, "Faithfulness over %d images (%d with a box), %d steps; one forward"
        + " pass %.2f ms/img%n%n", r.images(), r.boxedImages(), r.steps(),
        r.forwardMsPerImage());
    o.println(table.headerLine());
    table.bodyLines().forEach(o::println);
    o.println();
    FaithfulnessTable.legend().forEach(l -> o.println("  " + l));
    for (SkippedImage s : r.skipped()) {
      o.println(s.file() + "  skipped: " + s.reason());
    }
    o.println("Results: " + r.json() + ", page: " + page);
    o.flush();
    return 0;
  }
}
