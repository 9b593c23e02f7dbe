package dev.sommelier.tasks.train;

/**
 * One phase of training: what trains, how, and for how many epochs.
 *
 * @param scope the variables updated
 * @param optimizer the update rule
 * @param learningRate the initial rate (schedules change it per epoch)
 * @param epochs epochs of this phase
 */
public record TrainingPhase(TrainScope scope, OptimizerKind optimizer, float learningRate, int epochs) {

  public TrainingPhase {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("the learning rate must be > 0, got " + learningRate);
    }
    if (epochs < 0) {
      throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
    }
  }
}
