package dev.sommelier.tasks.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import dev.sommelier.tasks.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training process killed with SIGKILL in the middle of an epoch and started again on the same
 * folder ends exactly where the uninterrupted run ends: the same numbers for every epoch and the
 * same bytes in the last checkpoint (weights, optimizer slots, step count). The run is {@link
 * KillableTraining}: augmentation, two dropout layers, two phases, a plateau schedule. About 15 s
 * on a shared 2-core machine, most of it two child JVMs starting TensorFlow.
 */
class ResumeAfterKillTest {

  @TempDir Path tmp;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aRunKilledInTheMiddleOfAnEpochResumesToTheUninterruptedRun() throws Exception {
    Path data = tmp.resolve("shapes");
    new ShapeImages(2, 36, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 11).writeTo(data);
    Path whole = tmp.resolve("whole");
    List<String> uninterrupted = KillableTraining.train(data, whole, new TrainingListener() {})
        .stream().map(KillableTraining::line).toList();

    Path resumed = tmp.resolve("resumed");
    try (ChildJvm first = ChildJvm.start(tmp.resolve("first.log"), KillableTraining.class, data,
        resumed, 3, 4)) {
      first.awaitLine("batch 3 4");
      assertEquals(128 + 9, first.kill(), "killed by SIGKILL");
    }
    Path last = resumed.resolve("checkpoints/last");
    assertEquals(2, new ObjectMapper().readTree(last.resolve("training-state.json").toFile()).size(),
        "the last checkpoint holds epoch 2");
    List<String> second;
    try (ChildJvm child = ChildJvm.start(tmp.resolve("second.log"), KillableTraining.class, data,
        resumed)) {
      second = child.finish();
    }
    assertEquals(List.of("resumed after 2", "batch 3 1"), second.subList(0, 2));
    assertEquals(uninterrupted, second.stream().filter(l -> l.startsWith("epoch ")).toList());
    for (String file : List.of("variables.index", "variables.data-00000-of-00001")) {
      assertArrayEquals(Files.readAllBytes(whole.resolve("checkpoints/last").resolve(file)),
          Files.readAllBytes(last.resolve(file)), file);
    }
  }
}
