package dev.sommelier.backbones.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneProvider;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.BackboneSpec;
import dev.sommelier.backbones.contract.RegisteredBackbones.Built;
import dev.sommelier.core.layers.LayerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every registered backbone, with each option set its provider lists, must satisfy, built at
 * a small input size: its blocks partition its layers, its Grad-CAM layer is spatial, its feature
 * layer is its last, and a provider that recognises it in Keras layer names recognises it as
 * itself. A new backbone is tested here by being registered. Large backbones (ResNet101,
 * ResNet152) run in the "slow" group, see {@link RegisteredBackbones#LARGE_BLOCKS}.
 */
class BackboneContractTest {

  static List<String> standard() {
    return RegisteredBackbones.standard();
  }

  static List<String> large() {
    return RegisteredBackbones.large();
  }

  /** The large backbones, each built once, held to every check of this contract. */
  @Tag("slow")
  @ParameterizedTest
  @MethodSource("large")
  void largeBackbonesKeepTheContract(String name) {
    blocksPartitionTheLayersInModelOrder(name);
    theGradCamLayerIsSpatial(name);
    theFeatureLayerIsLastAndAsDescribed(name);
    recognitionFindsTheBackboneItself(name);
  }

  /** Blocks 0..count-1 cover every layer after the input, each block one run in model order. */
  @ParameterizedTest
  @MethodSource("standard")
  void blocksPartitionTheLayersInModelOrder(String name) {
    Built built = RegisteredBackbones.built(name);
    Backbone b = built.backbone();
    int count = b.blockCount();
    assertEquals(-1, b.blockOf(RegisteredBackbones.INPUT), "the input is in no block");
    assertEquals(-1, b.blockOf("predictions"), "a head layer is in no block");
    if (count == 0) {
      for (LayerInfo l : built.backboneLayers()) {
        assertEquals(-1, b.blockOf(l.name()), l.name() + ": no blocks, so in none");
        assertEquals(0, l.trainableParameters(), l.name() + ": no blocks, so nothing to train");
      }
      return;
    }
    TreeSet<Integer> seen = new TreeSet<>();
    int last = 0;
    for (LayerInfo l : built.backboneLayers()) {
      int block = b.blockOf(l.name());
      assertTrue(block >= 0 && block < count, l.name() + " in block " + block + " of " + count);
      assertTrue(block >= last, l.name() + " in block " + block + " after block " + last);
      assertTrue(block <= last + 1, l.name() + " in block " + block + " skips blocks after " + last);
      last = block;
      seen.add(block);
    }
    assertEquals(count, seen.size(), "blocks with layers: " + seen);
  }

  /** The default layer to explain has a spatial map: a rank-4 output with cells on both axes. */
  @ParameterizedTest
  @MethodSource("standard")
  void theGradCamLayerIsSpatial(String name) {
    Built built = RegisteredBackbones.built(name);
    String layer = built.spec().gradCamLayer();
    LayerInfo l = built.layers().stream().filter(x -> x.name().equals(layer)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " has no Grad-CAM layer " + layer));
    long[] shape = l.outputShape();
    assertEquals(3, shape.length, layer + " " + l.shapeText() + " is not (None, h, w, c)");
    assertTrue(shape[0] >= 1 && shape[1] >= 1 && shape[2] >= 1, l.shapeText());
  }

  /**
   * {@link Backbone#build} returns the last layer, the one its feature description names, with the
   * described channels and one cell per {@code reduction} input pixels.
   */
  @ParameterizedTest
  @MethodSource("standard")
  void theFeatureLayerIsLastAndAsDescribed(String name) {
    Built built = RegisteredBackbones.built(name);
    LayerInfo last = built.layers().get(built.layers().size() - 1);
    var features = built.spec().features();
    assertEquals(features.layer(), last.name());
    long cells = built.size() / features.reduction();
    assertArrayEquals(new long[] {cells, cells, features.channels()}, last.outputShape(),
        last.shapeText());
    assertArrayEquals(new long[] {-1, cells, cells, features.channels()}, built.featureShape());
  }

  /**
   * From the built layer names (all of them, and only those with weights, as a weight file has
   * them) and the first convolution's filters, no provider but the backbone's own recognises it,
   * and that one with the options that rebuild it. A provider may recognise nothing, but one
   * whose ImageNet weights Keras publishes must recognise its backbone in Keras's names.
   */
  @ParameterizedTest
  @MethodSource("standard")
  void recognitionFindsTheBackboneItself(String name) {
    Built built = RegisteredBackbones.built(name);
    BackboneSpec spec = built.spec();
    BackboneRegistry registry = BackboneRegistry.load();
    BackboneProvider own = registry.get(spec.name());
    List<String> all = built.layers().stream().map(LayerInfo::name).toList();
    List<String> weighted = built.backboneLayers().stream()
        .filter(l -> l.parameters() > 0).map(LayerInfo::name).toList();
    long filters = built.layers().stream().filter(l -> l.type().equals("Conv2D")).findFirst()
        .map(l -> l.outputShape()[2]).orElse(-1L);
    boolean mustRecognise = own.imageNetFiles(spec.inputSize(), spec.options()).isPresent();
    for (List<String> names : List.of(all, weighted)) {
      List<String> claims = new ArrayList<>();
      for (BackboneProvider p : registry.providers()) {
        p.recognize(names, filters).ifPresent(o -> claims.add(p.name() + optionsText(o)));
      }
      List<String> expected = mustRecognise || !claims.isEmpty()
          ? List.of(spec.name() + optionsText(spec.options())) : List.of();
      assertEquals(expected, claims, "providers that recognise " + name);
    }
  }

  private static String optionsText(Map<String, String> options) {
    return new TreeMap<>(options).toString();
  }
}
