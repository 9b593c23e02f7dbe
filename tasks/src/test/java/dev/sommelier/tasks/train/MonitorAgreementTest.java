package dev.sommelier.tasks.train;

import dev.sommelier.heads.OutputFunction;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.TaskModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The best checkpoint, early stopping and the plateau schedule read the same history with ties
 * the same way: the epoch the best checkpoint holds is the one patience counts from, and the
 * plateau lowers the rate exactly when early stopping with the same patience stops.
 */
class MonitorAgreementTest {

  private static final int PATIENCE = 2;
  // Epochs 3 and 5 tie epoch 2's 0.8, epochs 7 and 8 tie epoch 6's 0.7.
  private static final double[] VAL_LOSSES = {1.0, 0.8, 0.8, 0.9, 0.8, 0.7, 0.7, 0.7};

  @TempDir Path tmp;

  @Test
  void bestCheckpointEarlyStoppingAndPlateauAgreeOnTies() throws IOException {
    List<EpochResult> history = MonitorTest.valLosses(VAL_LOSSES);
    TrainingConfig config = new TrainingConfig(
        List.of(new TrainingPhase(TrainScope.ALL, OptimizerKind.ADAM, 1f, history.size())),
        new LearningRateSchedule.ReduceOnPlateau(PATIENCE, 0.5f, 0f), PATIENCE, true);
    HeadSpec head = HeadSpec.mlp(List.of(4), 0f, 2, OutputFunction.SOFTMAX);
    try (TaskModel model = TaskModel.create(new ModelConfig("pixels", 4, head,
        List.of("a", "b"), BatchNormMode.FROZEN, 1), BackboneRegistry.load(), Device.CPU)) {
      EpochCheckpoints checkpoints = new EpochCheckpoints(tmp);
      TrainingRun run = new TrainingRun(model, config, Monitor.LOSS, List.of());
      EarlyStopping stopping = new EarlyStopping(PATIENCE);
      List<Integer> bestHeld = new ArrayList<>();
      List<Float> rates = new ArrayList<>();
      int stoppedAfter = 0;
      for (EpochResult r : history) {
        rates.add(config.schedule().rate(
            run.history().size(), history.size(), 1f, run.history(), run.monitor()));
        run.add(r);
        checkpoints.onEpochEnd(run, r);
        bestHeld.add(epochsIn(tmp.resolve("checkpoints/best")));
        stopping.onEpochEnd(run, r);
        if (stoppedAfter == 0 && run.stopRequested()) {
          stoppedAfter = run.history().size();
        }
      }
      // Worked out by hand: a tie never replaces the best checkpoint.
      assertEquals(List.of(1, 2, 2, 2, 2, 6, 6, 6), bestHeld);
      assertEquals(Monitor.LOSS.bestEpoch(history), bestHeld.get(bestHeld.size() - 1));
      // Patience counts from the best checkpoint's epoch: 2 + PATIENCE.
      assertEquals(bestHeld.get(3) + PATIENCE, stoppedAfter);
      // The plateau halves the rate for the epoch after early stopping would have stopped, and
      // again PATIENCE non-improving epochs later (epochs 5 and 6 restart the count).
      assertEquals(List.of(1f, 1f, 1f, 1f, 0.5f, 0.5f, 0.5f, 0.5f), rates);
      assertEquals(0.25f, config.schedule().rate(
          history.size(), history.size(), 1f, run.history(), run.monitor()));
    }
  }

  /** The number of epochs in a checkpoint's training state. */
  private static int epochsIn(Path checkpoint) throws IOException {
    return new ObjectMapper().readTree(checkpoint.resolve("training-state.json").toFile()).size();
  }
}
