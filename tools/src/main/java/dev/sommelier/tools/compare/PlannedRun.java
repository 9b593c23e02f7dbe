package dev.sommelier.tools.compare;

import dev.sommelier.tasks.jobs.train.TrainSettings;
import java.util.Objects;

/**
 * One run of a comparison.
 *
 * @param name the run's name, also its folder's under the comparison's output folder
 * @param settings its training settings; their output folder is the run's folder
 */
public record PlannedRun(String name, TrainSettings settings) {

  /** Checks that there is a name and settings. */
  public PlannedRun {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(settings, "settings");
  }
}
