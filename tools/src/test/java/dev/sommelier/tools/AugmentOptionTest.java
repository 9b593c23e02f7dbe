package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.augment.AugmentationConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --augment}: alone, with operations, off, from a config file, and a bad name; parses
 * only, nothing trains.
 */
class AugmentOptionTest {

  private static final String KNOWN =
      "known: flip, vflip, affine, brightness, contrast, cutout, salt-pepper";

  @TempDir Path tmp;

  private static AugmentationConfig augment(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "train";
    all[1] = "--folder";
    all[2] = "d";
    all[3] = "--out";
    all[4] = "o";
    System.arraycopy(args, 0, all, 5, args.length);
    TrainCommand t = (TrainCommand) Sommelier.commandLine().parseArgs(all).subcommand()
        .commandSpec().userObject();
    return t.settings().augmentation();
  }

  private AugmentationConfig fromFile(String line) throws IOException {
    Path f = Files.writeString(tmp.resolve("run.yaml"), "folder: d\nout: o\n" + line + "\n");
    return augment("--config", f.toString());
  }

  @Test
  void aloneItIsTheDefaultSetAndWithoutItNone() {
    assertEquals(AugmentationConfig.NONE, augment());
    assertEquals(AugmentationConfig.DEFAULT, augment("--augment"));
    assertEquals(AugmentationConfig.DEFAULT, augment("--augment", "--epochs", "3"));
  }

  @Test
  void itTakesOperationsWithStrengthsAndProbabilities() {
    assertEquals("flip,affine:0.3,cutout:0.2",
        augment("--augment", "flip,affine:0.3,cutout:0.2").toString());
    assertEquals("flip,vflip,affine,brightness,contrast",
        augment("--augment=default,vflip").toString());
    assertEquals("flip@1", augment("--augment", "flip@1").toString());
  }

  @Test
  void noneAndFalseTurnItOff() {
    assertEquals(AugmentationConfig.NONE, augment("--augment", "none"));
    assertEquals(AugmentationConfig.NONE, augment("--augment=false"));
  }

  @Test
  void aConfigFileTakesTrueFalseOrASpec() throws IOException {
    assertEquals(AugmentationConfig.DEFAULT, fromFile("augment: true"));
    assertEquals(AugmentationConfig.NONE, fromFile("augment: false"));
    assertEquals("flip,affine:0.3", fromFile("augment: \"flip,affine:0.3\"").toString());
    assertEquals("flip,affine:0.3@0.8", fromFile("augment: flip,affine:0.3@0.8").toString(),
        "unquoted YAML");
  }

  @Test
  void aBadNameIsBadUsageListingTheKnownOperations() throws IOException {
    CliRun r = CliRun.of("train", "--folder", tmp.toString(), "--out",
        tmp.resolve("o").toString(), "--augment", "flip,flop");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().startsWith("Invalid value for option '--augment': augmentation"
        + " 'flip,flop': unknown operation 'flop'; " + KNOWN), r.err());
    assertFalse(Files.exists(tmp.resolve("o")), "nothing ran");

    Path f = Files.writeString(tmp.resolve("bad.yaml"), "folder: d\nout: o\naugment: cutout:2\n");
    CliRun file = CliRun.of("train", "--config", f.toString());
    assertEquals(2, file.exit(), file.err());
    assertTrue(file.err().startsWith(f + ", key 'augment': Invalid value for option '--augment':"
        + " augmentation 'cutout:2': a strength is a number in [0, 1], got '2'"), file.err());
  }

  @Test
  void theHelpListsTheOperationsWithTheirRanges() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    CliRun r;
    try {
      System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
      r = CliRun.of("train", "--help");
    } finally {
      System.setErr(stderr);
    }
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("--augment[=OPS]"), r.out());
    assertTrue(r.out().contains("  affine *     rotate +-30 deg, shift and zoom +-20 %"), r.out());
    assertTrue(r.out().contains("  salt-pepper  up to 10 % of the pixels"), r.out());
    String warned = warnings.toString(StandardCharsets.UTF_8);
    assertTrue(warned.isEmpty(), "picocli cannot format the help: " + warned);
  }
}
