package dev.sommelier.tools.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.job.DataSource;
import dev.sommelier.tasks.job.PredictSettings;
import dev.sommelier.tasks.job.TrainSettings;
import dev.sommelier.tasks.train.OptimizerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The form values become job settings, or a message that names the wrong field; no window. */
class GuiFormsTest {

  @TempDir Path tmp;

  private TrainForm train(String backbone, String inputSize, String data, String optimizer,
      String lr, String batch, String epochs, String out) {
    return new TrainForm(backbone, inputSize, data, optimizer, lr, batch, epochs, "none", out);
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void theDefaultFormTrainsLikeTheTrainCommand() {
    TrainForm d = TrainForm.defaults();
    TrainSettings s = new TrainForm(d.backbone(), d.inputSize(), tmp.toString(), d.optimizer(),
        d.learningRate(), d.batch(), d.epochs(), d.augment(), tmp.resolve("out").toString())
        .settings();
    TrainSettings expected = TrainSettings.builder(DataSource.folder(tmp), tmp.resolve("out"))
        .build();
    assertEquals(expected, s);
    assertEquals("mobilenet_v1", s.backbone());
    assertEquals(OptimizerKind.SGD, s.optimizer());
    assertEquals(0.001f, s.learningRate());
    assertEquals(32, s.batchSize());
    assertEquals(10, s.epochs());
    assertEquals(192, s.inputSize());
    assertEquals(AugmentationConfig.NONE, s.augmentation());
  }

  @Test
  void theAugmentationFieldTakesWhatAugmentTakes() {
    String data = tmp.toString();
    String out = tmp.resolve("o").toString();
    assertEquals(AugmentationConfig.DEFAULT, new TrainForm("pixels", "", data, "sgd", "0.1", "8",
        "1", " default ", out).settings().augmentation());
    assertEquals("flip,affine:0.3", new TrainForm("pixels", "", data, "sgd", "0.1", "8", "1",
        "flip,affine:0.3", out).settings().augmentation().toString());
    assertEquals(AugmentationConfig.NONE, new TrainForm("pixels", "", data, "sgd", "0.1", "8",
        "1", "", out).settings().augmentation(), "blank: none");
    assertTrue(message(() -> new TrainForm("pixels", "", data, "sgd", "0.1", "8", "1", "flop",
        out).settings()).startsWith("augmentation 'flop': unknown operation 'flop'; known: flip,"));
  }

  @Test
  void typedValuesReachTheSettings() {
    TrainSettings s = train(" simple_cnn:blocks=2,width=4 ", "32", tmp.toString(), "adam",
        "1e-2", "8", "2", tmp.resolve("run").toString()).settings();
    assertEquals("simple_cnn:blocks=2,width=4", s.backbone());
    assertEquals(32, s.inputSize());
    assertEquals(OptimizerKind.ADAM, s.optimizer());
    assertEquals(0.01f, s.learningRate());
    assertEquals(8, s.batchSize());
    assertEquals(2, s.epochs());
    assertEquals(DataSource.folder(tmp), s.data());
    assertEquals(tmp.resolve("run"), s.out());
  }

  @Test
  void aWrongFieldIsNamed() {
    String data = tmp.toString();
    String out = tmp.resolve("o").toString();
    assertEquals("choose the data folder", message(
        () -> train("pixels", "", " ", "sgd", "0.1", "8", "1", out).settings()));
    Path missing = tmp.resolve("missing");
    assertEquals("no folder at " + missing.toAbsolutePath() + " (data folder)", message(
        () -> train("pixels", "", missing.toString(), "sgd", "0.1", "8", "1", out).settings()));
    assertEquals("choose the output folder", message(
        () -> train("pixels", "", data, "sgd", "0.1", "8", "1", "").settings()));
    assertEquals("epochs must be a whole number of at least 1, got 'ten'", message(
        () -> train("pixels", "", data, "sgd", "0.1", "8", "ten", out).settings()));
    assertEquals("batch must be a whole number of at least 1, got '0'", message(
        () -> train("pixels", "", data, "sgd", "0.1", "0", "1", out).settings()));
    assertEquals("input size must be a whole number of at least 1, got '-3'", message(
        () -> train("pixels", "-3", data, "sgd", "0.1", "8", "1", out).settings()));
    assertEquals("learning rate must be a number above 0, got '0'", message(
        () -> train("pixels", "", data, "sgd", "0", "8", "1", out).settings()));
    assertEquals("choose a backbone", message(
        () -> train("", "", data, "sgd", "0.1", "8", "1", out).settings()));
    assertTrue(message(() -> train("vgg16", "", data, "sgd", "0.1", "8", "1", out).settings())
        .startsWith("unknown backbone 'vgg16'; known: "));
  }

  @Test
  void predictionsGoBesideTheModelUnlessAnOutputFolderIsGiven() throws Exception {
    Path model = Files.createDirectories(tmp.resolve("run/model"));
    Path images = Files.createDirectories(tmp.resolve("photos"));
    PredictSettings s = new PredictForm(model.toString(), images.toString(), " ").settings();
    assertEquals(model, s.model());
    assertEquals(List.of(images), s.inputs());
    assertEquals(tmp.resolve("run/predictions").toAbsolutePath(), s.out());
    assertEquals(PredictSettings.DEFAULT_BATCH, s.batchSize());
    assertEquals(tmp.resolve("p"),
        new PredictForm(model.toString(), images.toString(), tmp.resolve("p").toString())
            .settings().out());
    assertEquals("choose the model folder",
        message(() -> PredictForm.empty().settings()));
    assertEquals("choose the images folder",
        message(() -> new PredictForm(model.toString(), "", "").settings()));
  }

  @Test
  void theBackboneChoicesListEveryRegisteredBackboneAndItsVariants() {
    List<String> names = BackboneChoices.of(BackboneRegistry.load());
    assertTrue(names.containsAll(List.of("resnet50", "mobilenet_v1", "mobilenet_v1:alpha=0.25",
        "mobilenet_v1:alpha=1.0", "pixels", "simple_cnn")), names.toString());
    assertEquals(names.size(), names.stream().distinct().count(), names.toString());
  }
}
