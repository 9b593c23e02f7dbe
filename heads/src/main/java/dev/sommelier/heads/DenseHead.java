package dev.sommelier.heads;

import dev.sommelier.core.layers.Activation;
import dev.sommelier.core.layers.LayerGraph;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The heads as one chain of Keras layers: pooling, hidden {@code Dense(ReLU)} layers, dropout,
 * and the {@code predictions} layer (softmax, linear for a value, sigmoid for labels). Layer names are Keras's
 * defaults ({@code flatten}, {@code dense}, {@code dense_1}, {@code dropout}, ...), so a Keras head's
 * weights import by name. {@link #layers()} is the one list of them: {@link #build} builds what it
 * lists.
 *
 * <ul>
 *   <li>softmax: pooling, Dropout, Dense(k, softmax)
 *   <li>multilabel: pooling, Dropout, Dense(k, sigmoid)
 *   <li>regressor: pooling, Dense(hidden, ReLU), Dense(1)
 *   <li>mlp: Flatten, (Dense(h, ReLU), Dropout) per hidden width, then the output
 * </ul>
 */
final class DenseHead implements Head {

  private static final String OUTPUT = "predictions";
  private final HeadSpec spec;

  DenseHead(HeadSpec spec) {
    this.spec = spec;
  }

  @Override
  public HeadSpec spec() {
    return spec;
  }

  @Override
  public HeadOutput build(LayerGraph g, Operand<TFloat32> features) {
    Operand<TFloat32> x = features;
    Iterator<Integer> hidden = spec.hidden().iterator();
    for (HeadLayer l : layers()) {
      x = switch (l.kind()) {
        case FLATTEN -> g.flatten(l.name(), x);
        case GLOBAL_AVERAGE_POOLING -> g.globalAveragePooling(l.name(), x);
        case DROPOUT -> g.dropout(l.name(), x, spec.dropout());
        case DENSE -> hidden.hasNext()
            ? g.dense(l.name(), x, hidden.next(), Activation.RELU)
            : g.dense(l.name(), x, spec.outputs(), spec.output().activation());
      };
    }
    return new HeadOutput(g.preActivation(OUTPUT), x);
  }

  @Override
  public List<HeadLayer> layers() {
    List<HeadLayer> layers = new ArrayList<>();
    layers.add(spec.pooling().layer());
    boolean dropoutAfterHidden = spec.type().equals("mlp");
    for (int i = 0; i < spec.hidden().size(); i++) {
      layers.add(new HeadLayer(suffixed("dense", i), HeadLayer.Kind.DENSE));
      if (dropoutAfterHidden && spec.dropout() > 0) {
        layers.add(new HeadLayer(suffixed("dropout", i), HeadLayer.Kind.DROPOUT));
      }
    }
    if (!dropoutAfterHidden && spec.dropout() > 0) {
      layers.add(new HeadLayer("dropout", HeadLayer.Kind.DROPOUT));
    }
    layers.add(new HeadLayer(OUTPUT, HeadLayer.Kind.DENSE));
    return List.copyOf(layers);
  }

  @Override
  public Operand<TFloat32> loss(Ops tf, HeadOutput output, Operand<TFloat32> target) {
    return spec.output().loss(tf, output, target, spec.positiveWeights());
  }

  /** Keras's automatic names: {@code dense}, {@code dense_1}, {@code dense_2}, ... */
  private static String suffixed(String base, int i) {
    return i == 0 ? base : base + "_" + i;
  }
}
