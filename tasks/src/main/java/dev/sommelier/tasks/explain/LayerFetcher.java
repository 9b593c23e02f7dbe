package dev.sommelier.tasks.explain;

import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.Tensors;
import dev.sommelier.tasks.model.TaskModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * The shared first step of every gradient method: for a batch, one session run that fetches some
 * layers' activations, the target's gradients with respect to each, the target scores and the
 * predictions. The gradient graph of each kind of target is built once, on first use.
 */
final class LayerFetcher {

  private static final Logger LOG = LoggerFactory.getLogger(LayerFetcher.class);

  private final TaskModel model;
  private final String name;
  private final List<? extends Operand<TFloat32>> layers;
  private final Map<TargetGraph.Kind, TargetGraph> graphs = new EnumMap<>(TargetGraph.Kind.class);

  /**
   * A fetcher of {@code layers}, each {@code [batch, height, width, channels]}.
   *
   * @param name what the layers are, for the log
   */
  LayerFetcher(TaskModel model, String name, List<? extends Operand<TFloat32>> layers) {
    this.model = model;
    this.name = name;
    this.layers = List.copyOf(layers);
  }

  /** One fetch per layer, in order, from one run over {@code n} preprocessed images. */
  List<LayerFetch> fetch(float[] images, int n, CamTarget target) {
    int k = model.head().outputs();
    model.config().output().check(target);
    int size = model.config().inputSize();
    if (n < 1 || images.length != n * size * size * 3) {
      throw new IllegalArgumentException("expected " + n + " images of " + size + "x" + size
          + "x3 (" + (long) n * size * size * 3 + " floats), got " + images.length + " floats");
    }
    return fetch(images, n, TargetGraph.Kind.of(target), target.selector(n, k));
  }

  /**
   * As {@link #fetch(float[], int, CamTarget)}, with the selector rows given ({@code [n,
   * outputs]}; null for {@code kind} {@code TOP_SCORE}) and the target already checked.
   */
  List<LayerFetch> fetch(float[] images, int n, TargetGraph.Kind kind, float[] rows) {
    int k = model.head().outputs();
    int size = model.config().inputSize();
    TargetGraph g = graph(kind);
    try (TFloat32 x = Tensors.of(Shape.of(n, size, size, 3), images);
        TFloat32 selector = rows == null ? null : Tensors.of(Shape.of(n, k), rows)) {
      Session.Runner runner = model.runtime().session().runner().feed(model.input(), x);
      if (selector != null) {
        runner.feed(g.selector(), selector);
      }
      for (int i = 0; i < layers.size(); i++) {
        if (!isInput(i)) {
          runner.fetch(layers.get(i));
        }
        runner.fetch(g.gradients().get(i));
      }
      try (Result r = runner.fetch(g.scores()).fetch(model.output().prediction()).run()) {
        int at = 0;
        List<LayerFetch> out = new ArrayList<>(layers.size());
        List<float[][]> pairs = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
          float[] a = isInput(i) ? images : Tensors.values(r.get(at++));
          pairs.add(new float[][] {a, Tensors.values(r.get(at++))});
        }
        float[] scores = Tensors.values(r.get(at++));
        float[] predictions = Tensors.values(r.get(at));
        for (int i = 0; i < layers.size(); i++) {
          Shape s = layers.get(i).shape();
          out.add(new LayerFetch(n, Math.toIntExact(s.get(1)), Math.toIntExact(s.get(2)),
              Math.toIntExact(s.get(3)), pairs.get(i)[0], pairs.get(i)[1], scores, predictions,
              k));
        }
        return out;
      }
    }
  }

  /**
   * A forward run only: the layers' activations, the target scores and the predictions of {@code
   * n} preprocessed images, without gradients (each fetch's {@code gradients} is null).
   */
  List<LayerFetch> forward(float[] images, int n, CamTarget target) {
    int k = model.head().outputs();
    model.config().output().check(target);
    int size = model.config().inputSize();
    TargetGraph g = graph(TargetGraph.Kind.of(target));
    float[] rows = target.selector(n, k);
    try (TFloat32 x = Tensors.of(Shape.of(n, size, size, 3), images);
        TFloat32 selector = rows == null ? null : Tensors.of(Shape.of(n, k), rows)) {
      Session.Runner runner = model.runtime().session().runner().feed(model.input(), x);
      if (selector != null) {
        runner.feed(g.selector(), selector);
      }
      layers.forEach(runner::fetch);
      try (Result r = runner.fetch(g.scores()).fetch(model.output().prediction()).run()) {
        float[] scores = Tensors.values(r.get(layers.size()));
        float[] predictions = Tensors.values(r.get(layers.size() + 1));
        List<LayerFetch> out = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
          Shape s = layers.get(i).shape();
          out.add(new LayerFetch(n, Math.toIntExact(s.get(1)), Math.toIntExact(s.get(2)),
              Math.toIntExact(s.get(3)), Tensors.values(r.get(i)), null, scores, predictions,
              k));
        }
        return out;
      }
    }
  }

  /**
   * The target scores alone of {@code n} preprocessed images, each picked by its row of {@code
   * rows} ({@code [n, outputs]}) from the head's logits or value ({@code kind} FED_SCORE) or
   * probabilities (FED_PROBABILITY).
   */
  float[] scores(float[] images, int n, TargetGraph.Kind kind, float[] rows) {
    int k = model.head().outputs();
    int size = model.config().inputSize();
    TargetGraph g = graph(kind);
    try (TFloat32 x = Tensors.of(Shape.of(n, size, size, 3), images);
        TFloat32 selector = Tensors.of(Shape.of(n, k), rows);
        Result r = model.runtime().session().runner().feed(model.input(), x)
            .feed(g.selector(), selector).fetch(g.scores()).run()) {
      return Tensors.values(r.get(0));
    }
  }

  /** Whether layer {@code i} is the model's input, which is fed and so cannot be fetched. */
  private boolean isInput(int i) {
    return layers.get(i).op().name().equals(model.input().op().name());
  }

  /**
   * The gradients of {@code kind}'s targets, built on first use. Building adds operations to the
   * model's graph, which its name scope does not allow from two threads at once, so every
   * explainer of one model builds under the model's runtime as the lock.
   */
  private TargetGraph graph(TargetGraph.Kind kind) {
    ModelRuntime rt = model.runtime();
    synchronized (rt) {
      return graphs.computeIfAbsent(kind, k -> {
        TargetGraph g = TargetGraph.build(rt.ops(), rt.graph(), model.output(),
            model.head().outputs(), layers, k);
        LOG.debug("gradients of {} targets at {} built", k, name);
        return g;
      });
    }
  }
}
