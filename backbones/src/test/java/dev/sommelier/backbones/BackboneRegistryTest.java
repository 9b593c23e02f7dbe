package dev.sommelier.backbones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.mobilenet.MobileNetV1Provider;
import dev.sommelier.backbones.resnet.ResNet50Provider;
import dev.sommelier.backbones.testing.TinyConvProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackboneRegistryTest {

  @Test
  void serviceLoaderFindsBuiltInsAndAThirdPartyBackbone() {
    BackboneRegistry r = BackboneRegistry.load();
    List<String> names = r.providers().stream().map(BackboneProvider::name).toList();
    assertTrue(names.containsAll(List.of("resnet50", "resnet101", "resnet152", "mobilenet_v1", "tiny_conv")), names.toString());
    assertEquals(16, r.create("tiny_conv", 0).spec().inputSize());
  }

  @Test
  void specsCarryPreprocessingGradCamLayerAndFeatures() {
    BackboneRegistry r = BackboneRegistry.load();
    BackboneSpec resnet = r.create("resnet50", 0).spec();
    assertEquals(224, resnet.inputSize());
    assertEquals(Preprocessing.CAFFE, resnet.preprocessing());
    assertEquals("conv5_block3_out", resnet.gradCamLayer());
    assertEquals(new FeatureDescription("conv5_block3_out", 2048, 32), resnet.features());
    BackboneSpec mobile = r.create("mobilenet_v1:alpha=0.5", 192).spec();
    assertEquals("mobilenet_v1:alpha=0.5", mobile.qualifiedName());
    assertEquals(Preprocessing.TF, mobile.preprocessing());
    assertEquals("conv_pw_13_relu", mobile.gradCamLayer());
    assertEquals(512, mobile.features().channels());
  }

  @Test
  void eachProviderOwnsItsTrainingInputSizeWhichItAccepts() {
    BackboneRegistry r = BackboneRegistry.load();
    assertEquals(List.of(224, 197), sizes(r.get("resnet50")), "Keras's 224; 197 to train");
    assertEquals(List.of(224, 192), sizes(r.get("mobilenet_v1")), "Keras's 224; 192 to train");
    assertEquals(List.of(28, 28), sizes(r.get("pixels")));
    assertEquals(List.of(64, 64), sizes(r.get("simple_cnn")));
    assertEquals(List.of(16, 16), sizes(r.get("tiny_conv")), "a third party's: its default");
    for (BackboneProvider p : r.providers()) {
      for (Map<String, String> options : p.listedOptions()) {
        assertEquals(p.trainingInputSize(), p.create(p.trainingInputSize(), options).spec()
            .inputSize(), p.name() + " " + options);
      }
    }
  }

  private static List<Integer> sizes(BackboneProvider p) {
    return List.of(p.defaultInputSize(), p.trainingInputSize());
  }

  @Test
  void aDuplicateNameIsAnErrorNamingBothClasses() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class,
            () -> BackboneRegistry.of(List.of(new ResNet50Provider(), new TinyConvProvider(), new ResNet50Provider())));
    assertTrue(e.getMessage().contains("two backbones are named 'resnet50'"), e.getMessage());
  }

  @Test
  void badNamesOptionsAndSizesAreClearErrors() {
    BackboneRegistry r = BackboneRegistry.of(List.of(new ResNet50Provider(), new MobileNetV1Provider()));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> r.create("vgg16", 0))
        .getMessage().contains("known: resnet50, mobilenet_v1"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> r.create("mobilenet_v1:alpha=0.3", 0))
        .getMessage().contains("[0.25, 0.5, 0.75, 1.0]"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> r.create("resnet50:alpha=1", 0))
        .getMessage().contains("no option [alpha]"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> r.create("resnet50", 31))
        .getMessage().contains("at least 32x32"));
    assertEquals(Map.of("alpha", "0.75"), r.create("mobilenet_v1:alpha=.75", 0).spec().options());
  }

  @Test
  void caffeAndTfPreprocessingMatchKeras() {
    float[] px = {255, 128, 0, 10, 20, 30};
    Preprocessing.CAFFE.applyInPlace(px);
    float[] caffe = {0 - 103.939f, 128 - 116.779f, 255 - 123.68f, 30 - 103.939f, 20 - 116.779f, 10 - 123.68f};
    org.junit.jupiter.api.Assertions.assertArrayEquals(caffe, px, 1e-4f);
    float[] tf = {0, 127.5f, 255};
    Preprocessing.TF.applyInPlace(tf);
    org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {-1, 0, 1}, tf, 1e-6f);
  }
}
