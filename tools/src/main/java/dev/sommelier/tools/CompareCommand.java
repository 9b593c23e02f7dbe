package dev.sommelier.tools;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.tasks.explain.pointing.ObjectBoxes;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tools.compare.Comparison;
import dev.sommelier.tools.compare.ComparisonResult;
import dev.sommelier.tools.compare.PlannedRun;
import dev.sommelier.tools.config.RunsFile;
import dev.sommelier.tools.report.ComparisonPage;
import dev.sommelier.tools.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sommelier compare}: several training runs on the same data, split and seed, one after
 * another, each an ordinary {@code train} run folder under {@code --out}, then one report that
 * sets their costs and numbers side by side with the significance of their differences.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Trains several runs on the same data, split and seed, one after another, each"
        + " in its own folder OUT/NAME (an ordinary 'train --out' folder: report, evaluate and"
        + " explain work on it), and compares them: per run the parameters (total and trained),"
        + " forward FLOPs per image, training time, images/s, peak memory and the test numbers,"
        + " the best marked; each accuracy's 95 %% Wilson interval and McNemar's test for every two"
        + " runs on their paired answers (exact binomial below 25 discordant images, else"
        + " chi-square with continuity correction); and the same test images explained by every"
        + " run, with the pointing game where --boxes are given. Writes OUT/compare/comparison.json and OUT/compare/index.html. Head-only runs"
        + " on the same backbone, weights and input size compute the backbone features once"
        + " (OUT/compare/features). The same command again resumes an interrupted comparison:"
        + " finished runs are not run again, an unfinished one resumes from its last epoch.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier compare --folder data/photos --runs runs.yaml --out runs/which",
      "  sommelier compare --folder data/photos \\",
      "      --backbones pixels,simple_cnn,mobilenet_v1:alpha=0.25,resnet50 \\",
      "      --weights imagenet --epochs 5 --out runs/which",
      "  sommelier compare --folder data/logos --boxes data/logos/boxes.csv \\",
      "      --backbones simple_cnn,mobilenet_v1:alpha=0.25 --out runs/logos",
      "",
      "A runs file maps each run's name to 'train' options (keys without '--'):",
      "  mlp:       {backbone: pixels, head: mlp, input-size: 32}",
      "  cnn:       {backbone: simple_cnn, scope: all, optimizer: adam, lr: 0.003}",
      "  mobilenet: {backbone: \"mobilenet_v1:alpha=0.25\", weights: imagenet}",
      "  fine-tune: {backbone: \"mobilenet_v1:alpha=0.25\", weights: imagenet,",
      "              fine-tune: \"last-2:3\"}",
      "Data, split, seed, workers and device are the comparison's, the same for every run."
    })
final class CompareCommand implements Callable<Integer> {

  /** Keys a runs file may not set: the comparison sets them for every run. */
  private static final Set<String> SHARED = Set.of("folder", "split-folders", "filenames",
      "csv-classes", "csv-values", "cifar-classes", "cifar-values", "class-names", "split", "seed",
      "out", "workers", "device", "json", "save-config", "config");

  @Spec CommandSpec spec;

  @Mixin DataOptions data;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nRuns (one of):%n")
  Runs runs;

  /** The two ways of naming the runs. */
  static final class Runs {
    @Option(names = "--runs", paramLabel = "FILE",
        description = "A YAML or JSON file naming each run and its 'train' options (see below).")
    Path file;

    @Option(names = "--backbones", paramLabel = "LIST", split = ",",
        description = "Backbones to compare, one run each, named after the backbone: pixels gets"
            + " the mlp head, the others the default head; a run from ImageNet weights trains"
            + " its head, a run from scratch all its layers.")
    List<String> backbones;
  }

  @Option(names = "--weights", paramLabel = "none|imagenet",
      description = "With --backbones: where the backbones start; imagenet applies to those with"
          + " ImageNet weights, the others start from scratch (default: ${DEFAULT-VALUE}).",
      defaultValue = "imagenet")
  String weights;

  @Option(names = "--split", paramLabel = "RATIOS",
      description = "train:validation:test ratios, the same for every run (default: 6:2:2; none"
          + " for --split-folders).")
  String split;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of the split and of every run (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Epochs of every run that does not set its own (default: train's).")
  Integer epochs;

  @Option(names = "--input-size", paramLabel = "N",
      description = "Input size of every run that does not set its own (default: per backbone).")
  Integer inputSize;

  @Option(names = "--batch", paramLabel = "N",
      description = "Images per step of every run that does not set its own (default: train's).")
  Integer batch;

  @Option(names = "--explain", paramLabel = "N", defaultValue = "6",
      description = "Test images every run explains, shown side by side; 0 = none"
          + " (default: ${DEFAULT-VALUE}).")
  int explain;

  @Option(names = "--boxes", paramLabel = "FILE",
      description = "A CSV of object boxes in image pixels, path,x0,y0,x1,y1 (as the drawn logos'"
          + " boxes.csv) or path,x,y,width,height, paths relative to the CSV's folder: each"
          + " explained image with a box is a hit when its Grad-CAM peak falls inside it, and"
          + " each run gets its pointing-game rate over those images (default: none).")
  Path boxes;

  @Option(names = "--workers", paramLabel = "N",
      description = "Threads decoding images (default: the number of processors).")
  Integer workers;

  @Mixin DeviceOption deviceOption;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Output folder: a run folder per run, and compare/ with index.html and"
          + " comparison.json.")
  Path out;

  @Option(names = "--json", description = "Print the result as JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Comparison comparison = comparison();
    ComparisonResult result = comparison.run();
    Path page = writeReports(comparison, result);
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Cli.printJson(o, result);
    } else {
      ComparisonText.print(o, result, page);
    }
    o.flush();
    return 0;
  }

  /** The comparison the options describe, not run yet (package-private for the window). */
  Comparison comparison() throws IOException {
    return new Comparison(out, planned()).explain(explain).boxes(objectBoxes());
  }

  /**
   * Writes every run's own report and the comparison's page.
   *
   * @return the comparison's page
   */
  static Path writeReports(Comparison comparison, ComparisonResult result) throws IOException {
    for (PlannedRun r : comparison.runs()) {
      RunReport.write(r.settings().out());
    }
    return ComparisonPage.write(result);
  }

  private ObjectBoxes objectBoxes() throws IOException {
    if (boxes == null) {
      return ObjectBoxes.none();
    }
    if (!Files.isRegularFile(boxes)) {
      throw new IllegalArgumentException("--boxes " + boxes + ": no such file; give the CSV of"
          + " object boxes (path,x0,y0,x1,y1 or path,x,y,width,height)");
    }
    if (explain == 0) {
      throw new IllegalArgumentException("--boxes scores the explained images, but --explain is"
          + " 0; give --explain N (N > 0) or leave out --boxes");
    }
    return ObjectBoxes.read(boxes);
  }

  /** The runs the options name, with their settings (package-private for tests). */
  List<PlannedRun> planned() {
    Map<String, List<String>> own = runs.file != null
        ? RunsFile.arguments(runs.file, TrainArguments.spec(), SHARED) : fromBackbones();
    List<String> shared = shared();
    List<PlannedRun> planned = new ArrayList<>();
    own.forEach((name, args) -> {
      List<String> all = new ArrayList<>(shared);
      all.add("--out=" + out.resolve(name));
      all.addAll(args);
      String what = runs.file != null ? runs.file + ", run '" + name + "'" : "run '" + name + "'";
      planned.add(new PlannedRun(name, TrainArguments.settings(what, all)));
    });
    return planned;
  }

  /** The arguments every run shares: data, split, seed and the shared defaults. */
  private List<String> shared() {
    DataSource source = data.source();
    List<String> args = new ArrayList<>();
    args.add("--" + source.kind().optionName() + "=" + source.paths().stream()
        .map(Path::toString).collect(Collectors.joining(",")));
    if (source.classNames() != null) {
      args.add("--class-names=" + source.classNames());
    }
    if (!source.presplit()) {
      args.add("--split=" + (split == null ? "6:2:2" : split));
    } else if (split != null) {
      throw new IllegalArgumentException("--split-folders data come split; leave out --split");
    }
    args.add("--seed=" + seed);
    args.add("--device=" + deviceOption.device());
    if (workers != null) {
      args.add("--workers=" + workers);
    }
    if (epochs != null) {
      args.add("--epochs=" + epochs);
    }
    if (inputSize != null) {
      args.add("--input-size=" + inputSize);
    }
    if (batch != null) {
      args.add("--batch=" + batch);
    }
    return args;
  }

  /** One run per backbone of {@code --backbones}, as its help describes. */
  private Map<String, List<String>> fromBackbones() {
    String w = weights.strip().toLowerCase(Locale.ROOT);
    if (!w.equals("none") && !w.equals("imagenet")) {
      throw new IllegalArgumentException("--weights is none or imagenet with --backbones (got '"
          + weights + "'); start a run from a weights file in a --runs file");
    }
    BackboneRegistry registry = BackboneRegistry.load();
    Map<String, List<String>> runs = new LinkedHashMap<>();
    for (String b : this.runs.backbones) {
      String name = b.strip().replaceAll("[^A-Za-z0-9_.-]+", "-").replaceAll("-$", "");
      int size = inputSize != null ? inputSize : TrainSettings.defaultInputSize(b.strip());
      Backbone backbone = registry.create(b.strip(), size);
      boolean imagenet = w.equals("imagenet") && registry.get(backbone.spec().name())
          .imageNetFiles(size, backbone.spec().options()).isPresent();
      List<String> args = new ArrayList<>(List.of("--backbone=" + b.strip(),
          "--weights=" + (imagenet ? "imagenet" : "none"),
          "--scope=" + (imagenet ? "head" : "all")));
      if (backbone.spec().name().equals("pixels")) {
        args.add("--head=mlp");
      }
      if (runs.put(name, args) != null) {
        throw new IllegalArgumentException("--backbones names " + b + " twice");
      }
    }
    return runs;
  }
}
