package dev.sommelier.tasks.train;

import dev.sommelier.tasks.model.ValueOutput;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.data.augment.AugmentOp;
import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.data.pipeline.BatchPipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Features are cached for head-only training only when the pipeline does not augment. */
class PipelineBatchSourceTest {

  private static final List<Sample> SAMPLES = List.of(
      Sample.ofClass("a", () -> new RgbImage(2, 2, new byte[12]), 0));

  @Test
  void aSourceIsRepeatableExactlyWhenItsPipelineDoesNotAugment() {
    try (BatchPipeline plain = BatchPipeline.builder(SAMPLES, 1, 2, 2).workers(1).build();
        BatchPipeline flipped = BatchPipeline.builder(SAMPLES, 1, 2, 2).workers(1)
            .augmentation(AugmentationConfig.NONE.with(AugmentOp.FLIP)).build()) {
      assertTrue(new PipelineBatchSource(plain, 1, new ValueOutput()).repeatable());
      assertFalse(new PipelineBatchSource(flipped, 1, new ValueOutput()).repeatable());
    }
  }
}
