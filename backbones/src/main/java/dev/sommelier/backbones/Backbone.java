package dev.sommelier.backbones;

import dev.sommelier.core.layers.LayerGraph;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * An ImageNet architecture without pooling or classifier, built layer by layer under its Keras
 * names. {@link #build} returns the final unpooled feature map; every other layer (the Grad-CAM
 * layer among them) is reachable by name through the {@link LayerGraph}.
 */
public interface Backbone {

  /** The configuration this backbone was created with. */
  BackboneSpec spec();

  /**
   * Builds the layers on {@code input} ({@code [batch, size, size, 3]}, preprocessed).
   *
   * @return the final feature map, the output of layer {@code spec().features().layer()}
   */
  Operand<TFloat32> build(LayerGraph graph, Operand<TFloat32> input);

  /**
   * Number of blocks, counting the stem as block 0, for "train the last N blocks"; 0 for a backbone
   * without trainable layers.
   */
  int blockCount();

  /** The block (0 = stem) that Keras layer {@code layer} belongs to, or -1 when it is not ours. */
  int blockOf(String layer);
}
