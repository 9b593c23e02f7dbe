package dev.sommelier.tasks.train;

import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.Tensors;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.core.layers.BatchNormRecalibration;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.core.train.TrainingStep;
import dev.sommelier.heads.HeadOutput;
import dev.sommelier.tasks.model.TaskModel;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The training side of a {@link TaskModel}: a training tower (dropout on, batch statistics when
 * the model trains batch norm) sharing the model's variables, the head's loss against a target
 * placeholder, and one {@link TrainingStep} per phase. Every phase is built up front, because the
 * checkpoint saver covers only variables that exist when it is first used.
 */
public final class TrainingGraph {

  private final TaskModel model;
  private final Placeholder<TFloat32> target;
  private final Operand<TFloat32> towerFeatures;
  private final Operand<TFloat32> loss;
  private final Operand<TFloat32> prediction;
  private final Operand<TFloat32> inferenceLoss;
  private final List<TrainingStep> steps;
  private final BatchNormRecalibration batchNorm;

  private TrainingGraph(TaskModel model, Placeholder<TFloat32> target, Operand<TFloat32> towerFeatures,
      Operand<TFloat32> loss, Operand<TFloat32> prediction, Operand<TFloat32> inferenceLoss,
      List<TrainingStep> steps, BatchNormRecalibration batchNorm) {
    this.model = model;
    this.target = target;
    this.towerFeatures = towerFeatures;
    this.loss = loss;
    this.prediction = prediction;
    this.inferenceLoss = inferenceLoss;
    this.steps = steps;
    this.batchNorm = batchNorm;
  }

  /** Builds the tower, the loss and one step per phase. */
  public static TrainingGraph build(TaskModel model, List<TrainingPhase> phases) {
    ModelRuntime rt = model.runtime();
    boolean needsTower =
        model.head().spec().dropout() > 0 || model.config().batchNorm() == BatchNormMode.TRAINING;
    Operand<TFloat32> features;
    HeadOutput out;
    LayerGraph tower;
    if (needsTower) {
      tower = LayerGraph.training(rt, model.config().batchNorm());
      features = model.backbone().build(tower, model.input());
      out = model.head().build(tower, features);
    } else {
      tower = model.graph();
      features = model.features();
      out = model.output();
    }
    int k = model.head().outputs();
    Placeholder<TFloat32> target =
        rt.ops().withName("target").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, k)));
    Operand<TFloat32> loss = model.head().loss(rt.ops(), out, target);
    Operand<TFloat32> inferenceLoss =
        out == model.output() ? loss : model.head().loss(rt.ops(), model.output(), target);
    List<TrainingStep> steps = new ArrayList<>();
    for (TrainingPhase phase : phases) {
      List<ModelVariable> trained =
          rt.variables().trainable(phase.scope().selector(model.backbone()));
      boolean headOnly = phase.scope().headOnly();
      steps.add(
          TrainingStep.build(
              rt,
              loss,
              trained,
              headOnly ? List.of() : tower.updateOps(),
              phase.optimizer().create(rt.variables()),
              phase.learningRate()));
    }
    return new TrainingGraph(
        model, target, features, loss, out.prediction(), inferenceLoss, List.copyOf(steps),
        BatchNormRecalibration.of(tower, model.input()));
  }

  /**
   * Runs one step of phase {@code phase}.
   *
   * @param inputs {@code n} preprocessed images, or (when {@code cachedFeatures}) their backbone
   *     features, which then stand in for the backbone (only valid for head-only phases)
   * @param targets {@code n * k} targets (one-hot classes or values)
   * @return the batch's loss and the training tower's predictions ({@code n * k})
   */
  public StepResult step(int phase, float[] inputs, boolean cachedFeatures, float[] targets, int n) {
    TrainingStep step = steps.get(phase);
    int k = model.head().outputs();
    try (TFloat32 x = inputTensor(inputs, cachedFeatures, n);
        TFloat32 y = Tensors.of(Shape.of(n, k), targets)) {
      Session.Runner runner = model.runtime().session().runner();
      runner.feed(cachedFeatures ? towerFeatures : model.input(), x).feed(target, y);
      try (Result r = runner.addTarget(step.target()).fetch(loss).fetch(prediction).run()) {
        return new StepResult(Tensors.values(r.get(0))[0], Tensors.values(r.get(1)));
      }
    }
  }

  /** The mean loss and predictions of the inference tower (no dropout, moving statistics). */
  public StepResult evaluate(float[] images, float[] targets, int n) {
    int k = model.head().outputs();
    try (TFloat32 x = inputTensor(images, false, n);
        TFloat32 y = Tensors.of(Shape.of(n, k), targets);
        Result r =
            model.runtime().session().runner()
                .feed(model.input(), x).feed(target, y)
                .fetch(inferenceLoss)
                .fetch(model.output().prediction())
                .run()) {
      return new StepResult(Tensors.values(r.get(0))[0], Tensors.values(r.get(1)));
    }
  }

  /**
   * The training tower's batch-norm layers that normalise with batch statistics, for recomputing
   * their moving statistics (empty when batch norm is frozen).
   */
  public BatchNormRecalibration batchNormRecalibration() {
    return batchNorm;
  }

  /** Sets the learning rate of phase {@code phase} (a variable: the graph is not rebuilt). */
  public void setLearningRate(int phase, float rate) {
    TrainingStep step = steps.get(phase);
    try (TFloat32 lr = TFloat32.scalarOf(rate)) {
      model.runtime().session().runner()
          .feed(step.newLearningRate(), lr).addTarget(step.setLearningRateOp()).run().close();
    }
  }

  private TFloat32 inputTensor(float[] inputs, boolean cachedFeatures, int n) {
    if (cachedFeatures) {
      long[] dims = towerFeatures.shape().asArray().clone();
      dims[0] = n;
      return Tensors.of(Shape.of(dims), inputs);
    }
    int s = model.config().inputSize();
    return Tensors.of(Shape.of(n, s, s, 3), inputs);
  }

  /** A batch's mean loss and its predictions ({@code n * k}). */
  public record StepResult(float loss, float[] predictions) {}
}
