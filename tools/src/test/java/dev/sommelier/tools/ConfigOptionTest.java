package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.jobs.train.InitialWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParseResult;

/**
 * {@code --config}: what a run file sets once the command line is parsed, and how a bad file is
 * reported. Parses only; nothing trains.
 */
class ConfigOptionTest {

  @TempDir Path tmp;

  private Path file(String name, String... lines) throws IOException {
    Path f = tmp.resolve("conf").resolve(name);
    Files.createDirectories(f.getParent());
    return Files.writeString(f, String.join("\n", lines) + "\n");
  }

  /** The command object of {@code args} after picocli has parsed them. */
  private static <T> T parsed(Class<T> type, String... args) {
    ParseResult r = Sommelier.commandLine().parseArgs(args);
    return type.cast(r.subcommand().commandSpec().userObject());
  }

  @Test
  void theFileSetsWhatTheCommandLineLeavesOut() throws IOException {
    Path f = file("run.yaml",
        "folder: data/shapes",
        "out: runs/a",
        "backbone: resnet50",
        "split: 6:2:2",
        "lr: 1e-2",
        "epochs: 5",
        "head: mlp",
        "hidden: [16, 8]",
        "augment: true");
    TrainCommand t = parsed(TrainCommand.class, "train", "--config", f.toString(),
        "--epochs", "2", "--out", "elsewhere");
    assertEquals(2, t.epochs, "the command line overrides the file");
    assertEquals(Path.of("elsewhere"), t.out, "command-line paths stay relative");
    assertEquals(0.01f, t.learningRate);
    assertEquals("resnet50", t.backbone);
    assertEquals("6:2:2", t.split);
    assertEquals("mlp", t.head);
    assertEquals(List.of(16, 8), t.hidden);
    assertEquals(AugmentationConfig.DEFAULT, t.augment, "augment: true is the default set");
    assertEquals(f.getParent().resolve("data/shapes"), t.data.source.folder,
        "file paths are relative to the file's folder");
    assertEquals(32, t.batch, "what neither sets keeps its default");
  }

  @Test
  void weightsAreImagenetNoneOrAFileRelativeToTheRunFile() throws IOException {
    Path f = file("run.yaml", "folder: d", "out: o", "weights: keras/resnet50");
    TrainCommand t = parsed(TrainCommand.class, "train", "--config", f.toString());
    assertEquals(InitialWeights.file(f.getParent().resolve("keras/resnet50")), t.weights);
    Path imagenet = file("imagenet.yaml", "folder: d", "out: o", "weights: imagenet");
    assertEquals(InitialWeights.IMAGENET,
        parsed(TrainCommand.class, "train", "--config", imagenet.toString()).weights);
    assertEquals(InitialWeights.NONE, parsed(TrainCommand.class, "train", "--config",
        imagenet.toString(), "--weights", "none").weights);
    assertEquals(InitialWeights.NONE,
        parsed(TrainCommand.class, "train", "--folder", "d", "--out", "o").weights, "default");
  }

  @Test
  void theDemoComparesUnlessTheFileOrTheCommandLineSaysNot() throws IOException {
    assertTrue(parsed(DemoCommand.class, "demo").compare);
    assertEquals(InitialWeights.IMAGENET, parsed(DemoCommand.class, "demo").weights);
    assertFalse(parsed(DemoCommand.class, "demo", "--no-compare").compare);
    Path f = file("demo.yaml", "compare: false", "weights: none");
    DemoCommand d = parsed(DemoCommand.class, "demo", "--config", f.toString());
    assertFalse(d.compare);
    assertEquals(InitialWeights.NONE, d.weights);
    assertTrue(parsed(DemoCommand.class, "demo", "--config", f.toString(), "--compare").compare);
  }

  @Test
  void aSourceOnTheCommandLineReplacesTheFilesSource() throws IOException {
    Path f = file("run.yaml", "folder: data/shapes", "out: runs/a");
    TrainCommand t = parsed(TrainCommand.class, "train", "--config", f.toString(),
        "--csv-values", "values.csv");
    assertNull(t.data.source.folder);
    assertEquals(Path.of("values.csv"), t.data.source.csvValues);
    assertEquals(f.getParent().resolve("runs/a"), t.out);
  }

  @Test
  void aSourceInTheFileReplacesNothingOnTheCommandLine() throws IOException {
    Path f = file("run.yaml", "csv-values: v.csv", "class-names: names.txt");
    TrainCommand t = parsed(TrainCommand.class, "train", "--out", "o", "--config=" + f);
    assertEquals(f.getParent().resolve("v.csv"), t.data.source.csvValues);
    assertEquals(f.getParent().resolve("names.txt"), t.data.classNames);
  }

  @Test
  void aFlagTheFileSetsIsTurnedOffWithFalse() throws IOException {
    Path f = file("run.yaml", "folder: d", "out: o", "augment: true", "json: true");
    TrainCommand t = parsed(TrainCommand.class, "train", "--config", f.toString(),
        "--augment=false");
    assertEquals(AugmentationConfig.NONE, t.augment);
    assertTrue(t.json);
    assertFalse(parsed(TrainCommand.class, "train", "--config", f.toString(), "--json=false").json);
  }

  @Test
  void evaluateReadsAJsonFile() throws IOException {
    Path f = file("eval.json",
        "{\"model\": \"runs/a/model\", \"split-folders\": \"data\", \"part\": \"test\",",
        " \"batch\": 8, \"out\": \"eval\"}");
    EvaluateCommand e = parsed(EvaluateCommand.class, "evaluate", "--config", f.toString(),
        "--batch", "4");
    assertEquals(f.getParent().resolve("runs/a/model"), e.model);
    assertEquals(f.getParent().resolve("data"), e.data.source.splitFolders);
    assertEquals("test", e.part);
    assertEquals(4, e.batch);
  }

  @Test
  void predictTakesOptionsFromTheFileAndImagesFromTheCommandLine() throws IOException {
    Path f = file("predict.yml", "model: m", "out: p", "device: cpu");
    PredictCommand p = parsed(PredictCommand.class, "predict", "--config", f.toString(),
        "a.png", "b.png");
    assertEquals(f.getParent().resolve("m"), p.model);
    assertEquals(List.of(Path.of("a.png"), Path.of("b.png")), p.images);

    PredictCommand dashed = parsed(PredictCommand.class, "predict", "--config", f.toString(),
        "--", "--odd-name.png");
    assertEquals(f.getParent().resolve("m"), dashed.model, "the file's options precede --");
    assertEquals(List.of(Path.of("--odd-name.png")), dashed.images);
  }

  @Test
  void explainTakesAListOfImagesFromTheFile() throws IOException {
    Path f = file("explain.yaml", "model: m", "out: x", "images: [a.png, /abs/b.png]",
        "method: gradcam++", "top: 2");
    ExplainCommand x = parsed(ExplainCommand.class, "explain", "--config", f.toString(),
        "--top", "3");
    assertEquals(List.of(f.getParent().resolve("a.png"), Path.of("/abs/b.png")), x.images);
    assertEquals(3, x.top);
    assertEquals(dev.sommelier.tasks.explain.CamMethod.GRAD_CAM_PLUS_PLUS, x.method);
  }

  @Test
  void anEmptyFileSetsNothing() throws IOException {
    Path f = file("empty.yaml", "");
    TrainCommand t = parsed(TrainCommand.class, "train", "--config", f.toString(),
        "--folder", "d", "--out", "o");
    assertEquals(10, t.epochs);
  }

  @Test
  void helpIsShownWithoutReadingTheFile() {
    CliRun r = CliRun.of("train", "--config", tmp.resolve("missing.yaml").toString(), "--help");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("--config=FILE"), r.out());
  }

  @Test
  void saveConfigNeedsAYamlOrJsonName() {
    Path target = tmp.resolve("settings.txt");
    CliRun r = CliRun.of("train", "--folder", tmp.toString(), "--out", tmp.resolve("o").toString(),
        "--save-config", target.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(target + " must be YAML (.yaml, .yml) or JSON (.json)"), r.err());
    assertFalse(Files.exists(tmp.resolve("o")), "nothing ran");
  }

  @Test
  void anUnknownKeyNamesTheFileTheKeyAndTheClosestOption() throws IOException {
    Path f = file("run.yaml", "folder: d", "out: o", "epoch: 2");
    CliRun r = CliRun.of("train", "--config", f.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(f.toString()), r.err());
    assertTrue(r.err().contains("unknown key 'epoch'; did you mean 'epochs'?"), r.err());
  }

  @Test
  void aValueOfTheWrongTypeGivesPicocliMessageWithTheFileAndKey() throws IOException {
    Path f = file("run.yaml", "folder: d", "out: o", "epochs: many");
    CliRun r = CliRun.of("train", "--config", f.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().startsWith(f + ", key 'epochs': Invalid value for option '--epochs':"
        + " 'many' is not an int"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aListForAnOptionOfOneValueIsAnError() throws IOException {
    Path f = file("run.yaml", "folder: d", "out: o", "lr: [0.1, 0.01]");
    CliRun r = CliRun.of("train", "--config", f.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(f + ", key 'lr': one value is needed"), r.err());
  }

  @Test
  void twoSourcesInTheFileAreAnError() throws IOException {
    Path f = file("run.yaml", "folder: d", "csv-values: v.csv", "out: o");
    CliRun r = CliRun.of("train", "--config", f.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("keys 'folder' and 'csv-values' exclude each other"), r.err());
  }

  @Test
  void aMissingOrBrokenFileIsBadUsageNamingIt() throws IOException {
    Path missing = tmp.resolve("missing.yaml");
    CliRun r = CliRun.of("evaluate", "--config", missing.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("no config file at " + missing.toAbsolutePath()), r.err());

    Path broken = file("broken.yaml", "epochs: [1");
    CliRun b = CliRun.of("train", "--config", broken.toString());
    assertEquals(2, b.exit(), b.err());
    assertTrue(b.err().contains(broken + " is not valid YAML at line"), b.err());

    Path text = file("run.txt", "epochs: 1");
    CliRun t = CliRun.of("predict", "--config", text.toString(), "a.png");
    assertEquals(2, t.exit(), t.err());
    assertTrue(t.err().contains(text + " must be YAML (.yaml, .yml) or JSON (.json)"), t.err());

    Path nested = file("nested.yaml", "epochs:", "  first: 1");
    CliRun n = CliRun.of("train", "--config", nested.toString());
    assertEquals(2, n.exit(), n.err());
    assertTrue(n.err().contains(nested + ", key 'epochs': a value or a list of values"),
        n.err());
  }
}
