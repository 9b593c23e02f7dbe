package dev.sommelier.tools.compare;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.layers.LayerInfo;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskModel;
import dev.sommelier.tasks.train.TrainingPhase;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a trained model costs: its parameters (all, and those its phases trained) and the forward
 * FLOPs of one image, counted as {@code sommelier bench} counts them (conv, depthwise and dense
 * layers, a multiply-add as two), over the whole model, head included.
 *
 * @param totalParameters every variable's scalars, batch-norm statistics included (as Keras's
 *     "total params")
 * @param trainedParameters the scalars of the variables some phase trained
 * @param flopsPerImage forward FLOPs of one image
 */
record RunCost(long totalParameters, long trainedParameters, long flopsPerImage) {

  /** The cost of the model saved in {@code modelDir}, trained in {@code phases}. */
  static RunCost of(Path modelDir, List<TrainingPhase> phases, BackboneRegistry registry) {
    try (TaskModel model = ModelStore.load(modelDir, registry, Device.CPU)) {
      Set<String> trained = new HashSet<>();
      long trainedScalars = 0;
      for (TrainingPhase phase : phases) {
        for (ModelVariable v : model.runtime().variables()
            .trainable(phase.scope().selector(model.backbone()))) {
          if (trained.add(v.name())) {
            trainedScalars += v.size();
          }
        }
      }
      long flops = model.graph().layers().stream().mapToLong(LayerInfo::flops).sum();
      return new RunCost(model.runtime().variables().parameterCount(), trainedScalars, flops);
    }
  }
}
