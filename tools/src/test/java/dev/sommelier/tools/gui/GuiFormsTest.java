package dev.sommelier.tools.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.jobs.predict.PredictSettings;
import dev.sommelier.tasks.jobs.train.FineTune;
import dev.sommelier.tasks.jobs.train.InitialWeights;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import java.awt.Component;
import java.awt.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.swing.JComboBox;
import javax.swing.JTextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The form values become job settings, or a message that names the wrong field; no window. */
class GuiFormsTest {

  @TempDir Path tmp;

  private TrainForm train(String backbone, String inputSize, String data, String optimizer,
      String lr, String batch, String epochs, String out) {
    return new TrainForm(backbone, inputSize, "none", data, optimizer, lr, batch, epochs, "head",
        "", "none", out);
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void theDefaultFormTrainsLikeTheTrainCommand() {
    TrainForm d = TrainForm.defaults();
    TrainSettings s = new TrainForm(d.backbone(), d.inputSize(), d.weights(), tmp.toString(),
        d.optimizer(), d.learningRate(), d.batch(), d.epochs(), d.scope(), d.fineTune(),
        d.augment(), tmp.resolve("out").toString()).settings();
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
    assertEquals(AugmentationConfig.DEFAULT, augmenting(" default ").settings().augmentation());
    assertEquals("flip,affine:0.3",
        augmenting("flip,affine:0.3").settings().augmentation().toString());
    assertEquals(AugmentationConfig.NONE, augmenting("").settings().augmentation(), "blank: none");
    assertTrue(message(() -> augmenting("flop").settings())
        .startsWith("augmentation 'flop': unknown operation 'flop'; known: flip,"));
  }

  private TrainForm augmenting(String augment) {
    return new TrainForm("pixels", "", "none", tmp.toString(), "sgd", "0.1", "8", "1", "head", "",
        augment, tmp.resolve("o").toString());
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
  void weightsScopeAndFineTuningReachTheSettings() throws Exception {
    String data = tmp.toString();
    String out = tmp.resolve("o").toString();
    TrainSettings imagenet = new TrainForm("mobilenet_v1:alpha=0.25", "", "imagenet", data, "adam",
        "0.003", "32", "5", "head", " last-4:3 ", "none", out).settings();
    assertEquals(InitialWeights.IMAGENET, imagenet.backboneWeights());
    assertEquals(TrainScope.HEAD, imagenet.scope());
    assertEquals(new FineTune(TrainScope.lastBlocks(4), 3), imagenet.fineTune());
    Path file = Files.createFile(tmp.resolve("mobilenet.h5"));
    TrainSettings fromFile = new TrainForm("mobilenet_v1", "", file.toString(), data, "sgd",
        "0.01", "8", "1", "last-2", "", "none", out).settings();
    assertEquals(InitialWeights.file(file), fromFile.backboneWeights());
    assertEquals(TrainScope.lastBlocks(2), fromFile.scope());
    assertNull(fromFile.fineTune());
    assertEquals(TrainScope.ALL, new TrainForm("pixels", "", "none", data, "sgd", "0.1", "8", "1",
        "all", "", "none", out).settings().scope());
  }

  @Test
  void theWeightsChoicesGiveTheFormsWeightsText() {
    assertEquals("none", WeightsChoice.NONE.weights("ignored"));
    assertEquals("imagenet", WeightsChoice.IMAGENET.weights("ignored"));
    assertEquals("w.h5", WeightsChoice.FILE.weights("w.h5"));
    assertEquals(WeightsChoice.NONE, WeightsChoice.of(TrainForm.defaults().weights()));
    assertEquals(WeightsChoice.IMAGENET, WeightsChoice.of("ImageNet"));
    assertEquals(WeightsChoice.FILE, WeightsChoice.of("keras/resnet50"));
  }

  @Test
  void theFormPanelReadsTheStartAndTheScope() {
    FormPanel panel = new FormPanel(BackboneRegistry.load());
    assertEquals(TrainForm.defaults().weights(), panel.trainForm().weights());
    JTextField file = named(panel, "weightsFile", JTextField.class);
    assertTrue(!file.isEnabled(), "no file to choose until 'Weights file' is chosen");
    JComboBox<?> weights = named(panel, "weights", JComboBox.class);
    weights.setSelectedItem(WeightsChoice.IMAGENET);
    assertEquals("imagenet", panel.trainForm().weights());
    weights.setSelectedItem(WeightsChoice.FILE);
    assertTrue(file.isEnabled());
    file.setText("keras/w.h5");
    assertEquals("keras/w.h5", panel.trainForm().weights());
    named(panel, "fineTune", JTextField.class).setText("last-2:5");
    assertEquals("head", panel.trainForm().scope());
    assertEquals("last-2:5", panel.trainForm().fineTune());
  }

  /** The component of {@code type} named {@code name} anywhere under {@code root}. */
  private static <T> T named(Container root, String name, Class<T> type) {
    return descendants(root).filter(c -> type.isInstance(c) && name.equals(c.getName()))
        .map(type::cast).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
  }

  private static Stream<Component> descendants(Container c) {
    return Arrays.stream(c.getComponents()).flatMap(child -> Stream.concat(Stream.of(child),
        child instanceof Container inner ? descendants(inner) : Stream.empty()));
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
    assertEquals("choose the weights file", message(() -> new TrainForm("pixels", "", " ", data,
        "sgd", "0.1", "8", "1", "head", "", "none", out).settings()));
    Path noWeights = tmp.resolve("no.h5");
    assertEquals("no file or folder at " + noWeights.toAbsolutePath() + " (weights file)",
        message(() -> new TrainForm("pixels", "", noWeights.toString(), data, "sgd", "0.1", "8",
            "1", "head", "", "none", out).settings()));
    assertEquals("unknown training scope 'some': use head, all or last-N", message(
        () -> new TrainForm("pixels", "", "none", data, "sgd", "0.1", "8", "1", "some", "", "none",
            out).settings()));
    assertTrue(message(() -> new TrainForm("pixels", "", "none", data, "sgd", "0.1", "8", "1",
        "all", "last-2:3", "none", out).settings())
        .startsWith("two-phase training starts with the head"));
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
