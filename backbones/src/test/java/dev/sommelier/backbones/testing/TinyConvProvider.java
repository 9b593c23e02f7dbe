package dev.sommelier.backbones.testing;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneProvider;
import dev.sommelier.backbones.BackboneSpec;
import dev.sommelier.backbones.FeatureDescription;
import dev.sommelier.backbones.Options;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.layers.Activation;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.core.layers.Padding;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A third-party backbone, registered only through this test module's
 * META-INF/services file, to prove that a jar can extend the registry.
 */
public final class TinyConvProvider implements BackboneProvider {

  @Override
  public String name() {
    return "tiny_conv";
  }

  @Override
  public int defaultInputSize() {
    return 16;
  }

  @Override
  public Backbone create(int inputSize, Map<String, String> options) {
    Options.requireKnown(name(), options, Set.of());
    BackboneSpec spec =
        new BackboneSpec(name(), Map.of(), inputSize, 8, Preprocessing.TF, "tiny_relu",
            new FeatureDescription("tiny_relu", 4, 2));
    return new Backbone() {
      @Override
      public BackboneSpec spec() {
        return spec;
      }

      @Override
      public Operand<TFloat32> build(LayerGraph g, Operand<TFloat32> input) {
        Operand<TFloat32> x = g.conv2d("tiny_conv", input, 4, 3, 3, 2, Padding.SAME, true);
        return g.activation("tiny_relu", x, Activation.RELU);
      }

      @Override
      public int blockCount() {
        return 1;
      }

      @Override
      public int blockOf(String layer) {
        return layer.startsWith("tiny_") ? 0 : -1;
      }
    };
  }
}
