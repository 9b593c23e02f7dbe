package dev.sommelier.backbones.keras;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.Fixtures;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.layers.LayerGraph;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;

/** What a user reads when a file is not a Keras model, or its weights do not fit. */
class KerasSourceErrorsTest {

  @TempDir Path tmp;

  private static String openError(Path path) {
    return assertThrows(IllegalArgumentException.class, () -> KerasModelSources.open(path).close())
        .getMessage();
  }

  @Test
  void aFileOfOtherContentIsNamedWithTheAcceptedFormats() throws IOException {
    Path text = Files.writeString(tmp.resolve("model.h5"), "not really a model");
    String e = openError(text);
    assertTrue(e.contains(text.toAbsolutePath().toString()), e);
    assertTrue(e.contains("neither a SavedModel directory, an HDF5 file nor a zip archive"), e);
    assertTrue(e.contains(KerasModelSources.ACCEPTED), e);

    String missing = openError(tmp.resolve("no-such-model.keras"));
    assertTrue(missing.startsWith("no Keras model at " + tmp.resolve("no-such-model.keras")), missing);

    String dir = openError(Files.createDirectory(tmp.resolve("exported")));
    assertTrue(dir.contains("a directory without saved_model.pb"), dir);
  }

  @Test
  void aZipWithoutAKerasConfigOrAnHdf5WithoutKerasAttributesIsNamed() throws IOException {
    Path zip = tmp.resolve("model.keras");
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("model.weights.h5"));
      z.write(new byte[] {1, 2, 3});
      z.closeEntry();
    }
    String e = openError(zip);
    assertTrue(e.contains("a zip archive without config.json, so not a Keras 3 .keras file"), e);

    Path h5 = tmp.resolve("data.h5");
    try (WritableHdfFile f = HdfFile.write(h5)) {
      f.putAttribute("title", "measurements");
      f.putDataset("values", new float[] {1, 2});
    }
    String h = openError(h5);
    assertTrue(h.contains(h5.toAbsolutePath() + " is an HDF5 file but not one Sommelier can read as"
        + " Keras: it has neither a model_config nor a layer_names attribute"), h);

    Path keras3 = tmp.resolve("w.weights.h5");
    try (WritableHdfFile f = HdfFile.write(keras3)) {
      f.putGroup("layers").putGroup("conv2d").putGroup("vars").putDataset("0", new float[] {1});
    }
    String k = openError(keras3);
    assertTrue(k.contains("Keras 3 weights") && k.contains("model.save(\"m.keras\")"), k);
  }

  /** The official weights with one array taken out, one added, or one of another shape. */
  private Path official(String file, Map<String, KerasWeight> change, String remove) {
    try (KerasModelSource s = KerasModelSources.open(Fixtures.officialMobileNet025())) {
      Map<String, KerasWeight> weights = new LinkedHashMap<>(s.weights());
      weights.remove(remove);
      weights.putAll(change);
      Path path = tmp.resolve(file);
      KerasFiles.writeWeights(path, s.layerNames(), KerasFiles.byLayer(weights), "2.0.4");
      return path;
    }
  }

  private static String importError(Path file) {
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 1)) {
      Backbone b = BackboneRegistry.load().create("mobilenet_v1:alpha=0.25", 32);
      LayerGraph g = LayerGraph.inference(rt);
      b.build(g, g.input("input_1", 32, 32, 3));
      return assertThrows(IllegalArgumentException.class, () ->
          KerasBackboneWeights.copyInto(rt, b, Preprocessing.TF, file, BackboneRegistry.load()))
          .getMessage();
    }
  }

  @Test
  void aMissingArrayIsNamed() {
    Path file = official("missing.h5", Map.of(), "conv_pw_13_bn/moving_variance");
    String e = importError(file);
    assertTrue(e.startsWith(file.toString()), e);
    assertTrue(e.contains("missing [conv_pw_13_bn/moving_variance]"), e);
  }

  @Test
  void anUnusedArrayOfABackboneLayerIsNamed() {
    KerasWeight bias = new KerasWeight("conv1/bias", Shape.of(8), new float[8]);
    String e = importError(official("unused.h5", Map.of(bias.name(), bias), null));
    assertTrue(e.contains("unused [conv1/bias]"), e);
  }

  @Test
  void anArrayOfTheWrongShapeIsNamedWithBothShapes() {
    KerasWeight gamma = new KerasWeight("conv_pw_13_bn/gamma", Shape.of(255), new float[255]);
    String e = importError(official("shape.h5", Map.of(gamma.name(), gamma), null));
    assertTrue(e.contains("wrong shape [conv_pw_13_bn/gamma (saved [255], model [256])]"), e);
  }

  @Test
  void aWeightFileOfNoKnownBackboneSaysSo() {
    Path file = tmp.resolve("other.h5");
    KerasWeight k = new KerasWeight("block1_conv1/kernel", Shape.of(3, 3, 3, 64), new float[3 * 3 * 3 * 64]);
    KerasFiles.writeWeights(file, List.of("input_1", "block1_conv1"), KerasFiles.byLayer(Map.of(k.name(), k)), "2.2.4");
    try (KerasModelSource s = KerasModelSources.open(file); ModelRuntime rt = ModelRuntime.open(Device.CPU, 1)) {
      String e = assertThrows(IllegalArgumentException.class,
          () -> KerasModelImporter.rebuild(s, BackboneRegistry.load(), rt)).getMessage();
      assertTrue(e.contains("no registered backbone matches the layer names"), e);
      assertTrue(e.contains("resnet50") && e.contains("mobilenet_v1"), e);
    }
  }
}
