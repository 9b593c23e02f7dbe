package dev.sommelier.backbones.contract;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneProvider;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.BackboneSpec;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.core.layers.LayerInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Every registered backbone (the built-in ones and the test module's) with each option set its
 * provider lists, and each one built once at the contract's small input size. A backbone joins the
 * contract by being registered.
 */
final class RegisteredBackbones {

  /** The name of the input layer the contract builds on. */
  static final String INPUT = "input_1";
  private static final Map<String, Built> BUILT = new ConcurrentHashMap<>();

  /**
   * A backbone built on an input: what the graph recorded, kept after its runtime is closed.
   *
   * @param backbone the backbone, created at {@code size}
   * @param size the input size it was built at
   * @param layers the graph's layers, the input first
   * @param featureShape the shape of what {@link Backbone#build} returned, batch axis included
   */
  record Built(Backbone backbone, int size, List<LayerInfo> layers, long[] featureShape) {

    BackboneSpec spec() {
      return backbone.spec();
    }

    /** The layers after the input. */
    List<LayerInfo> backboneLayers() {
      return layers.subList(1, layers.size());
    }
  }

  private RegisteredBackbones() {}

  /**
   * Blocks above which a backbone is large: ResNet101 (34) and ResNet152 (51) take 5 to 15 s each
   * to build even at 32 px, so their contract runs in the "slow" group ({@code mvn test
   * -Dgroups=slow}); ResNet50 (17) and the rest run in the default suite.
   */
  static final int LARGE_BLOCKS = 20;

  /** The registered backbones of at most {@link #LARGE_BLOCKS} blocks. */
  static List<String> standard() {
    return qualifiedNames().filter(n -> !large(n)).toList();
  }

  /** The registered backbones of more than {@link #LARGE_BLOCKS} blocks. */
  static List<String> large() {
    return qualifiedNames().filter(RegisteredBackbones::large).toList();
  }

  private static boolean large(String qualifiedName) {
    return BackboneRegistry.load().create(qualifiedName, size(qualifiedName)).blockCount()
        > LARGE_BLOCKS;
  }

  /** {@code resnet50, mobilenet_v1:alpha=0.25, ...}: each provider with each listed option set. */
  static Stream<String> qualifiedNames() {
    return BackboneRegistry.load().providers().stream()
        .flatMap(p -> p.listedOptions().stream()
            .map(o -> p.create(p.defaultInputSize(), o).spec().qualifiedName()));
  }

  /**
   * The contract's input size for {@code qualifiedName}: at least 32 and the backbone's minimum,
   * rounded up to a multiple of its feature map's reduction.
   */
  static int size(String qualifiedName) {
    BackboneRegistry registry = BackboneRegistry.load();
    BackboneProvider p = registry.get(qualifiedName.split(":", 2)[0]);
    BackboneSpec spec = registry.create(qualifiedName, p.defaultInputSize()).spec();
    int reduction = spec.features().reduction();
    int least = Math.max(32, spec.minInputSize());
    return (least + reduction - 1) / reduction * reduction;
  }

  /** {@code qualifiedName} built for inference at {@link #size}, once per test run. */
  static Built built(String qualifiedName) {
    return BUILT.computeIfAbsent(qualifiedName, RegisteredBackbones::build);
  }

  private static Built build(String qualifiedName) {
    int size = size(qualifiedName);
    Backbone b = BackboneRegistry.load().create(qualifiedName, size);
    try (ModelRuntime rt = ModelRuntime.open(Device.CPU, 1)) {
      LayerGraph g = LayerGraph.inference(rt);
      Operand<TFloat32> features = b.build(g, g.input(INPUT, size, size, 3));
      return new Built(b, size, List.copyOf(g.layers()), features.shape().asArray());
    }
  }
}
