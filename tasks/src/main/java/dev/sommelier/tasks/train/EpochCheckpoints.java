package dev.sommelier.tasks.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.core.Checkpoints;
import dev.sommelier.tasks.model.TaskModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of a run under {@code OUT/checkpoints/}: after each epoch {@code best} (when the
 * epoch improved the {@link Monitor monitored} value) and then {@code last}, each written
 * atomically with the history so far; on start, {@code last} restored to resume from. Best comes
 * first: a process killed between the two saves repeats the epoch when resumed, instead of going on
 * from it with an older best checkpoint.
 */
final class EpochCheckpoints implements TrainingListener {

  private static final Logger LOG = LoggerFactory.getLogger(EpochCheckpoints.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STATE = "training-state.json";

  private final Path last;
  private final Path best;

  /** The checkpoints under {@code outDir/checkpoints/}. */
  EpochCheckpoints(Path outDir) {
    this.last = outDir.resolve("checkpoints").resolve("last");
    this.best = outDir.resolve("checkpoints").resolve("best");
  }

  /**
   * Restores {@code last} into {@code model} when a run left one.
   *
   * @return the epochs run before, empty when there is nothing to resume
   */
  List<EpochResult> resume(TaskModel model) {
    if (!Checkpoints.recover(last) || !Files.isRegularFile(last.resolve(STATE))) {
      return List.of();
    }
    Checkpoints.restore(model.runtime(), last);
    List<EpochResult> resumed = readState(last);
    LOG.info("resuming from {} after epoch {}", last, resumed.size());
    return resumed;
  }

  @Override
  public void onEpochEnd(TrainingRun run, EpochResult result) {
    List<EpochResult> h = run.history();
    try {
      byte[] state = JSON.writeValueAsBytes(h);
      if (run.monitor().newestImproved(h)) {
        Checkpoints.save(run.model().runtime(), best, Map.of(STATE, state));
      }
      Checkpoints.save(run.model().runtime(), last, Map.of(STATE, state));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<EpochResult> readState(Path dir) {
    try {
      return JSON.readValue(
          dir.resolve(STATE).toFile(), new TypeReference<List<EpochResult>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir.resolve(STATE) + ": " + e.getMessage(), e);
    }
  }
}
