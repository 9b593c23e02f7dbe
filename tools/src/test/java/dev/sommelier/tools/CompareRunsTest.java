package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.jobs.train.InitialWeights;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.train.TrainScope;
import dev.sommelier.tools.compare.PlannedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** How {@code compare} turns its options and a runs file into training settings (no training). */
class CompareRunsTest {

  @TempDir Path tmp;
  private Path data;

  @BeforeEach
  void folder() throws Exception {
    data = Files.createDirectories(tmp.resolve("photos"));
  }

  @Test
  void backbonesFormStartsFromImageNetWhereThereAreWeightsAndFromScratchElsewhere() {
    List<PlannedRun> runs = planned("--backbones", "pixels,simple_cnn,mobilenet_v1:alpha=0.25",
        "--epochs", "3");
    assertEquals(List.of("pixels", "simple_cnn", "mobilenet_v1-alpha-0.25"),
        runs.stream().map(PlannedRun::name).toList());
    TrainSettings pixels = runs.get(0).settings();
    assertEquals("mlp", pixels.head().type());
    assertEquals(InitialWeights.NONE, pixels.backboneWeights());
    assertEquals(TrainScope.ALL, pixels.scope());
    TrainSettings cnn = runs.get(1).settings();
    assertEquals(InitialWeights.NONE, cnn.backboneWeights());
    assertEquals(TrainScope.ALL, cnn.scope());
    assertEquals("softmax", cnn.head().type());
    TrainSettings mobilenet = runs.get(2).settings();
    assertEquals(InitialWeights.IMAGENET, mobilenet.backboneWeights());
    assertEquals(TrainScope.HEAD, mobilenet.scope());
    for (PlannedRun r : runs) {
      assertEquals("6:2:2", r.settings().split().toString());
      assertEquals(42, r.settings().seed());
      assertEquals(3, r.settings().epochs());
      assertEquals(tmp.resolve("out").resolve(r.name()), r.settings().out());
    }
  }

  @Test
  void aRunsOwnOptionsWinOverTheSharedOnesAndPathsFollowTheFile() throws Exception {
    Path sub = Files.createDirectories(tmp.resolve("conf"));
    Files.createDirectories(sub.resolve("w"));
    Files.write(sub.resolve("w/my.h5"), new byte[0]); // only its path matters here
    Path runs = Files.writeString(sub.resolve("runs.json"), """
        {"long": {"backbone": "simple_cnn", "epochs": 5, "weights": "w/my.h5"},
         "short": {"backbone": "simple_cnn", "hidden": [16, 8], "head": "mlp"}}
        """);
    List<PlannedRun> planned = planned("--runs", runs.toString(), "--epochs", "2", "--seed", "7",
        "--split", "3:1:1");
    TrainSettings first = planned.get(0).settings();
    assertEquals(5, first.epochs());
    assertEquals(InitialWeights.file(sub.resolve("w/my.h5").normalize()),
        first.backboneWeights());
    TrainSettings second = planned.get(1).settings();
    assertEquals(2, second.epochs());
    assertEquals(List.of(16, 8), second.head().hidden());
    assertEquals(7, second.seed());
    assertEquals("3:1:1", second.split().toString());
  }

  @Test
  void aRunsFileMayNotSetWhatTheComparisonShares() throws Exception {
    Path runs = Files.writeString(tmp.resolve("runs.yaml"), """
        a: {backbone: simple_cnn}
        b: {backbone: pixels, split: "6:4"}
        """);
    CliRun r = CliRun.of("compare", "--folder", data.toString(), "--runs", runs.toString(),
        "--out", tmp.resolve("out").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("run 'b', key 'split'"), r.err());
    assertTrue(r.err().contains("give it to compare instead"), r.err());
  }

  @Test
  void aMisspeltKeyIsNamedWithTheNearestOne() throws Exception {
    Path runs = Files.writeString(tmp.resolve("runs.yaml"), """
        a: {backbone: simple_cnn}
        b: {backbon: pixels}
        """);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> planned("--runs", runs.toString()));
    assertTrue(e.getMessage().contains("run 'b', key 'backbon': unknown; did you mean"
        + " 'backbone'?"), e.getMessage());
  }

  @Test
  void aBadValueNamesTheRun() throws Exception {
    Path runs = Files.writeString(tmp.resolve("runs.yaml"), """
        a: {backbone: simple_cnn}
        b: {backbone: simple_cnn, scope: everything}
        """);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> planned("--runs", runs.toString()));
    assertTrue(e.getMessage().startsWith(runs + ", run 'b': "), e.getMessage());
    assertTrue(e.getMessage().contains("unknown training scope 'everything'"), e.getMessage());
  }

  @Test
  void multiLabelRunsAreRefusedWithWhatToDoInstead() throws Exception {
    Path labels = Files.writeString(tmp.resolve("labels.csv"), "file,labels\na.png,worn|leaking\n");
    CliRun r = CliRun.of("compare", "--csv-labels", labels.toString(), "--backbones",
        "pixels,simple_cnn", "--out", tmp.resolve("out").toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("multi-label runs (pixels) are not compared yet"), r.err());
    assertTrue(Files.notExists(tmp.resolve("out").resolve("pixels")), "nothing trained");
  }

  private List<PlannedRun> planned(String... args) {
    CompareCommand compare = new CompareCommand();
    String[] all = new String[args.length + 4];
    all[0] = "--folder";
    all[1] = data.toString();
    all[2] = "--out";
    all[3] = tmp.resolve("out").toString();
    System.arraycopy(args, 0, all, 4, args.length);
    new CommandLine(compare).parseArgs(all);
    return compare.planned();
  }
}
