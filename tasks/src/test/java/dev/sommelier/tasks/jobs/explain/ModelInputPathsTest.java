package dev.sommelier.tasks.jobs.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.jobs.BrightnessModel;
import dev.sommelier.tasks.jobs.predict.PredictJob;
import dev.sommelier.tasks.jobs.predict.PredictResult;
import dev.sommelier.tasks.jobs.predict.PredictSettings;
import dev.sommelier.tasks.jobs.predict.PredictedImage;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Predict, explain and the deletion metric feed a model the same input: images resized to its
 * input size and preprocessed by the model's own preprocessing (an imported Keras model's layers),
 * not the backbone's. The {@link BrightnessModel} here preprocesses as {@code x / 510 + 0.25}, so
 * a grey image of level {@code g} has the {@code light} logit {@code 30 * (g / 510 + 0.25) - 15}
 * (with the backbone's {@code x / 255} it would be {@code 30 * g / 255 - 15}); a gradient image
 * of another size checks that the three resize alike.
 */
class ModelInputPathsTest {

  private static final float SCALE = 1f / 510;
  private static final float OFFSET = 0.25f;

  @TempDir Path tmp;

  @Test
  void predictExplainAndDeletionScoresAgreeWithTheModelsOwnPreprocessing() throws Exception {
    Path model = BrightnessModel.save(tmp.resolve("model"), Preprocessing.affine(
        new float[] {SCALE, SCALE, SCALE}, new float[] {OFFSET, OFFSET, OFFSET}));
    Path in = tmp.resolve("in");
    BrightnessModel.greyImage(in.resolve("a-grey100.png"), 100);
    BrightnessModel.greyImage(in.resolve("b-grey200.png"), 200);
    gradient(in.resolve("c-gradient.png"));

    List<PredictedImage> predicted = new PredictJob(PredictSettings.of(model, List.of(in),
        tmp.resolve("predicted"))).run().predictions();
    List<ExplainedImage> explained = new ExplainJob(ExplainSettings.builder(model, List.of(in),
        tmp.resolve("explained")).deletionSteps(2).build()).run().images();

    for (int i = 0; i < 2; i++) {
      int grey = i == 0 ? 100 : 200;
      double logit = 30 * (grey * (double) SCALE + OFFSET) - 15;
      double light = 1 / (1 + Math.exp(-logit));
      assertEquals(light, probability(predicted.get(i).classes(), "light"), 1e-5, "predict");
      assertEquals(light, probability(explained.get(i).classes(), "light"), 1e-5, "explain");
      Explanation e = explained.get(i).explanations().get(0);
      String best = light > 0.5 ? "light" : "dark";
      assertEquals(best, explained.get(i).classes().get(0).name());
      assertEquals(best.equals("light") ? logit : 0, e.score(), 1e-4, "explained logit");
      assertEquals(Math.max(light, 1 - light), e.faithfulness().map().scores()[0], 1e-5,
          "deletion metric's score of the untouched image");
    }
    float gradientLight = probability(predicted.get(2).classes(), "light");
    assertEquals(gradientLight, probability(explained.get(2).classes(), "light"), 1e-6);
    ClassProbability best = explained.get(2).classes().get(0);
    assertEquals(best.probability(),
        explained.get(2).explanations().get(0).faithfulness().map().scores()[0], 1e-6);
  }

  private static float probability(List<ClassProbability> classes, String name) {
    return classes.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow()
        .probability();
  }

  /** A 37x23 PNG whose grey level rises from 0 on the left to 252 on the right. */
  private static void gradient(Path file) throws Exception {
    BufferedImage image = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 23; y++) {
      for (int x = 0; x < 37; x++) {
        int g = x * 7;
        image.setRGB(x, y, g << 16 | g << 8 | g);
      }
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", file.toFile());
  }
}
