package dev.sommelier.heads;

import dev.sommelier.core.layers.LayerGraph;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Pooling plus output layers on a backbone's feature map, with the loss that trains them. A head
 * sees only the feature map, never the backbone. Built once per tower: in a training tower its
 * dropout is active, in the inference tower it is not; both share variables.
 */
public interface Head {

  /** The head's description, stored with a model. */
  HeadSpec spec();

  /** Builds the head's layers on {@code features}: the layers {@link #layers()} lists. */
  HeadOutput build(LayerGraph graph, Operand<TFloat32> features);

  /**
   * The Keras layers {@link #build} adds, in order, with the names and kinds it gives them: what a
   * Keras model of this head is mapped onto when it is imported.
   */
  List<HeadLayer> layers();

  /**
   * The mean loss of a batch.
   *
   * @param target {@code [batch, k]}: one-hot classes, or the value in a {@code [batch, 1]} column
   */
  Operand<TFloat32> loss(Ops tf, HeadOutput output, Operand<TFloat32> target);

  /** Width of the target and prediction: the number of classes, or 1 for a value. */
  default int outputs() {
    return spec().outputs();
  }
}
