package dev.sommelier.backbones.pixels;

import dev.sommelier.backbones.Backbone;
import dev.sommelier.backbones.BackboneProvider;
import dev.sommelier.backbones.BackboneSpec;
import dev.sommelier.backbones.FeatureDescription;
import dev.sommelier.backbones.Options;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.layers.Activation;
import dev.sommelier.core.layers.LayerGraph;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Registers {@code pixels}: no layers at all, the image itself (scaled to [0, 1]) is the feature
 * map, so an MLP head on it is the plain multi-layer-perceptron baseline. Default input 28.
 */
public final class PixelsProvider implements BackboneProvider {

  private static final String NAME = "pixels";
  private static final String LAYER = "pixels";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int defaultInputSize() {
    return 28;
  }

  @Override
  public Backbone create(int inputSize, Map<String, String> options) {
    Options.requireKnown(NAME, options, Set.of());
    BackboneSpec spec =
        new BackboneSpec(NAME, Map.of(), inputSize, 1, Preprocessing.UNIT, LAYER,
            new FeatureDescription(LAYER, 3, 1));
    return new Backbone() {
      @Override
      public BackboneSpec spec() {
        return spec;
      }

      @Override
      public Operand<TFloat32> build(LayerGraph g, Operand<TFloat32> input) {
        return g.activation(LAYER, input, Activation.LINEAR);
      }

      @Override
      public int blockCount() {
        return 0;
      }

      @Override
      public int blockOf(String layer) {
        return -1;
      }
    };
  }
}
