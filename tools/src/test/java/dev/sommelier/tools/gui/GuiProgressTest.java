package dev.sommelier.tools.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sommelier.tasks.train.EpochResult;
import org.junit.jupiter.api.Test;

/** Progress, speed and time left from step events at given times; no clock, no window. */
class GuiProgressTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void stepsGiveTheFractionSpeedAndTimeLeft() {
    TrainingProgress p = new TrainingProgress(2, 0, "accuracy");
    p.batch(1, 1, 4, 0.9f, 32, SECOND);
    JobEvent.Progress e = p.batch(1, 2, 4, 0.75f, 32, 2 * SECOND);
    assertEquals(0.25, e.fraction(), 1e-9);
    // 64 images in 2 s; a quarter done in 2 s leaves 6 s.
    assertEquals("Epoch 1/2, step 2/4 · loss 0.7500 · 32 images/s · 0:06 left", e.status());
    assertEquals(1.0, p.batch(2, 4, 4, 0.1f, 32, 8 * SECOND).fraction(), 1e-9);
  }

  @Test
  void aResumedRunCountsOnlyTheStepsRunSinceItsStart() {
    TrainingProgress p = new TrainingProgress(4, 0, "accuracy");
    JobEvent.Progress e = p.batch(3, 1, 2, 0.5f, 10, 10 * SECOND);
    assertEquals(0.625, e.fraction(), 1e-9);
    // One eighth of the run took 10 s: three eighths are left.
    assertEquals("Epoch 3/4, step 1/2 · loss 0.5000 · 1 images/s · 0:30 left", e.status());
  }

  @Test
  void epochLinesShowValidationWhenThereIsSome() {
    TrainingProgress p = new TrainingProgress(3, 0, "MAE");
    assertEquals("Epoch 2/3: loss 0.5000, MAE 0.2500; validation loss 0.6000, MAE 0.3000"
            + " (1.5 s, 200 images/s)",
        p.epochLine(new EpochResult(2, 0, 0.01f, 0.5, 0.25, 0.6, 0.3, 1.5, 200)));
    assertEquals("Epoch 1/3: loss 0.5000, MAE 0.2500 (1.5 s, 200 images/s)",
        p.epochLine(new EpochResult(1, 0, 0.01f, 0.5, 0.25, Double.NaN, Double.NaN, 1.5, 200)));
  }

  @Test
  void durationsReadAsClockTimes() {
    assertEquals("0:00", TrainingProgress.duration(0.2));
    assertEquals("0:42", TrainingProgress.duration(42));
    assertEquals("12:05", TrainingProgress.duration(725));
    assertEquals("1:02:03", TrainingProgress.duration(3723));
  }
}
