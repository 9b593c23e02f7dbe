package dev.sommelier.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.keras.ImportedModel;
import dev.sommelier.backbones.keras.KerasModelImporter;
import dev.sommelier.backbones.keras.KerasModelSource;
import dev.sommelier.backbones.keras.KerasModelSources;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.core.layers.LayerInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sommelier summary}: a Keras-style layer table of a backbone or an imported Keras model
 * (SavedModel, {@code .h5} or {@code .keras}), with parameter counts and the forward-pass FLOPs per
 * image.
 */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = "Prints a Keras-style summary (layers, output shapes, parameters, FLOPs) of a "
        + "backbone or of a Keras model (SavedModel, .h5 or .keras) rebuilt by the importer.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier summary --backbone resnet50",
      "  sommelier summary --backbone mobilenet_v1:alpha=0.25 --input-size 128",
      "  sommelier summary --keras-model exported/my-keras-model.h5 --json"
    })
final class SummaryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** What to summarise: exactly one of the two. */
  static final class Source {
    @Option(
        names = "--backbone",
        paramLabel = "NAME",
        description =
            "A registered backbone with options, e.g. resnet50 or mobilenet_v1:alpha=0.5.")
    String backbone;

    @Option(
        names = {"--keras-model", "--saved-model"},
        paramLabel = "FILE_OR_DIR",
        description = "A Keras model (SavedModel directory, .h5 or .keras), rebuilt by the"
            + " importer; a weight file rebuilds as the bare backbone. --saved-model is the old"
            + " name of this option.")
    Path kerasModel;
  }

  @Option(
      names = "--input-size",
      paramLabel = "N",
      description = "Square input size for --backbone (default: the backbone's own).")
  Integer inputSize;

  @Mixin DeviceOption deviceOption;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  /**
   * What the summary prints.
   *
   * @param kerasModel the Keras file or directory, absent for a bare backbone
   * @param layers every layer in build order, with its parameters and FLOPs
   * @param flopsPerImage forward-pass FLOPs of one image, a multiply-add counted as two
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Report(
      String backbone,
      String kerasModel,
      int inputSize,
      List<LayerInfo> layers,
      long totalParameters,
      long trainableParameters,
      long nonTrainableParameters,
      long flopsPerImage) {}

  @Override
  public Integer call() {
    BackboneRegistry registry = BackboneRegistry.load();
    Report report = source.kerasModel != null ? ofKerasModel(registry) : ofBackbone(registry);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Cli.printJson(out, report);
    } else {
      printTable(out, report);
    }
    return 0;
  }

  private Report ofBackbone(BackboneRegistry registry) {
    if (inputSize != null && inputSize <= 0) {
      throw new IllegalArgumentException("--input-size must be positive, got " + inputSize);
    }
    Backbone backbone = registry.create(source.backbone, inputSize == null ? 0 : inputSize);
    int n = backbone.spec().inputSize();
    try (ModelRuntime runtime = ModelRuntime.open(deviceOption.device(), 1)) {
      LayerGraph graph = LayerGraph.inference(runtime);
      backbone.build(graph, graph.input("input_1", n, n, 3));
      return report(backbone.spec().qualifiedName(), null, n, graph);
    }
  }

  private Report ofKerasModel(BackboneRegistry registry) {
    if (inputSize != null) {
      throw new IllegalArgumentException(
          "--input-size applies to --backbone only: a Keras model fixes its own input size");
    }
    Path dir = Cli.kerasModel(source.kerasModel);
    try (KerasModelSource keras = KerasModelSources.open(dir);
        ModelRuntime runtime = ModelRuntime.open(deviceOption.device(), 1)) {
      ImportedModel model = KerasModelImporter.rebuild(keras, registry, runtime);
      return report(
          model.backbone().spec().qualifiedName(),
          dir.toString(),
          model.backbone().spec().inputSize(),
          model.graph());
    }
  }

  private static Report report(
      String backbone, String kerasModel, int inputSize, LayerGraph graph) {
    List<ModelVariable> variables = graph.runtime().variables().all();
    long total = graph.runtime().variables().parameterCount();
    long trainable =
        variables.stream().filter(ModelVariable::trainable).mapToLong(ModelVariable::size).sum();
    List<LayerInfo> infos = List.copyOf(graph.layers());
    return new Report(
        backbone,
        kerasModel,
        inputSize,
        infos,
        total,
        trainable,
        total - trainable,
        infos.stream().mapToLong(LayerInfo::flops).sum());
  }

  private static void printTable(PrintWriter out, Report r) {
    TextTable table = new TextTable("Layer (type)", "Output Shape", "Param #").rightAlign(2);
    for (LayerInfo l : r.layers()) {
      table.row(l.name() + " (" + l.type() + ")", l.shapeText(), Cli.count(l.parameters()));
    }
    int width = table.width();
    out.println("Model: \"" + r.backbone() + "\""
        + (r.kerasModel() == null ? "" : " from " + r.kerasModel())
        + ", input " + r.inputSize() + "x" + r.inputSize() + "x3");
    out.println("_".repeat(width));
    out.println(table.headerLine());
    out.println("=".repeat(width));
    table.bodyLines().forEach(out::println);
    out.println("=".repeat(width));
    out.println("Total params: " + Cli.count(r.totalParameters()));
    out.println("Trainable params: " + Cli.count(r.trainableParameters()));
    out.println("Non-trainable params: " + Cli.count(r.nonTrainableParameters()));
    out.println(String.format(Locale.ROOT, "FLOPs per image: %s (%.2f GFLOPs)",
        Cli.count(r.flopsPerImage()), r.flopsPerImage() / 1e9));
    out.println("_".repeat(width));
    out.flush();
  }
}
