package dev.sommelier.tools;

import dev.sommelier.backbones.BackboneProvider;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.BackboneSpec;
import dev.sommelier.backbones.FeatureDescription;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sommelier backbones}: every registered backbone in each of its listed configurations. */
@Command(
    name = "backbones",
    mixinStandardHelpOptions = true,
    description =
        "Lists the registered backbones: input sizes (Input: what train uses by default; Native:"
            + " the architecture's own default, Keras's for resnet50 and mobilenet_v1, what summary"
            + " uses; Min: the smallest accepted),"
            + " preprocessing, Grad-CAM layer, features.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier backbones",
      "  sommelier backbones --json | jq -r '.[].backbone'"
    })
final class BackbonesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  /**
   * One listed configuration.
   *
   * @param backbone name with options, as {@code summary --backbone} takes it
   * @param inputSize the input size {@code train} uses by default
   * @param defaultInputSize the architecture's own default input size, {@code summary}'s
   */
  record Entry(
      String backbone,
      int inputSize,
      int defaultInputSize,
      int minInputSize,
      String preprocessing,
      String gradCamLayer,
      FeatureDescription features) {}

  @Override
  public Integer call() {
    List<Entry> entries = new ArrayList<>();
    for (BackboneProvider provider : BackboneRegistry.load().providers()) {
      for (Map<String, String> options : provider.listedOptions()) {
        BackboneSpec s = provider.create(provider.trainingInputSize(), options).spec();
        entries.add(
            new Entry(
                s.qualifiedName(),
                s.inputSize(),
                provider.defaultInputSize(),
                s.minInputSize(),
                s.preprocessing().description(),
                s.gradCamLayer(),
                s.features()));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Cli.printJson(out, entries);
      return 0;
    }
    TextTable table =
        new TextTable("Backbone", "Input", "Native", "Min", "Grad-CAM layer", "Features",
            "Preprocessing").rightAlign(1, 2, 3);
    for (Entry e : entries) {
      FeatureDescription f = e.features();
      table.row(
          e.backbone(),
          Integer.toString(e.inputSize()),
          Integer.toString(e.defaultInputSize()),
          Integer.toString(e.minInputSize()),
          e.gradCamLayer(),
          f.layer() + " (" + f.channels() + " ch, 1/" + f.reduction() + ")",
          e.preprocessing());
    }
    out.println(table.headerLine());
    out.println("-".repeat(table.width()));
    table.bodyLines().forEach(out::println);
    out.flush();
    return 0;
  }
}
