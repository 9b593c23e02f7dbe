package dev.sommelier.backbones.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.Fixtures;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.SavedModelExport;
import dev.sommelier.core.Tensors;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

class RebuiltModelExportTest {

  @TempDir Path tmp;

  @Test
  void rebuiltKerasModelExportsAndReloadsWithTheSameOutputs() {
    Path fixture = Fixtures.kerasMobileNet();
    Path export = tmp.resolve("exported");
    float[] images = ImportVerifier.testImages(2, 224, 9);
    Preprocessing.TF.applyInPlace(images);
    Shape shape = Shape.of(2, 224, 224, 3);
    float[] expected;
    try (KerasModelSource keras = KerasModelSources.open(fixture);
        ModelRuntime rt = ModelRuntime.open(Device.CPU, 3)) {
      ImportedModel m = KerasModelImporter.rebuild(keras, BackboneRegistry.load(), rt);
      try (TFloat32 x = Tensors.of(shape, images);
          Result r = rt.session().runner().feed(m.input(), x).fetch(m.output()).run()) {
        expected = Tensors.values(r.get(0));
      }
      SavedModelExport.export(rt, export, Map.of("image", m.input()), Map.of("predictions", m.output()));
    }
    try (SavedModelBundle b = SavedModelBundle.load(export.toString(), "serve");
        TFloat32 x = Tensors.of(shape, images);
        Result r = b.function("serving_default").call(Map.of("image", x))) {
      float[] actual = Tensors.values(r.get("predictions").orElseThrow());
      assertEquals(2000, actual.length);
      assertArrayEquals(expected, actual, 0f);
    }
  }
}
