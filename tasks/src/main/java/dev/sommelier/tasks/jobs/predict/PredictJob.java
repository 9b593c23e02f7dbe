package dev.sommelier.tasks.jobs.predict;

import dev.sommelier.tasks.eval.RankThresholds;
import dev.sommelier.tasks.jobs.Evaluator;
import dev.sommelier.tasks.jobs.FolderTruth;
import dev.sommelier.tasks.jobs.ImageInputs;
import dev.sommelier.tasks.jobs.InputBatches;
import dev.sommelier.tasks.jobs.JobJson;
import dev.sommelier.tasks.jobs.NoImageReadException;
import dev.sommelier.tasks.jobs.SkippedImage;
import dev.sommelier.tasks.model.ModelCard;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.predict.Prediction;
import dev.sommelier.tasks.predict.Predictor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Predicts image files with a saved model: every class with its probability, most probable first,
 * or the value (and its rank when the model was trained on integer targets). An image in a folder
 * named after one of the model's classes ({@link FolderTruth}) is marked right or wrong, and the
 * result has the accuracy over those. Images that cannot be decoded are skipped, logged and listed;
 * when none can be, the job fails ({@link InputBatches}). Writes {@code predictions.csv} and
 * {@code predictions.json} under the output folder.
 */
public final class PredictJob {

  private static final Logger LOG = LoggerFactory.getLogger(PredictJob.class);

  private final PredictSettings settings;

  /** A job for {@code settings}. */
  public PredictJob(PredictSettings settings) {
    this.settings = settings;
  }

  /**
   * Runs the job.
   *
   * @throws IllegalArgumentException when the model directory or an input does not exist, or there
   *     are no images
   * @throws NoImageReadException when none of the images can be decoded
   * @throws IOException when a folder cannot be listed
   */
  public PredictResult run() throws IOException {
    PredictSettings s = settings;
    ModelCard card = ModelStore.card(s.model());
    List<Path> files = ImageInputs.expand(s.inputs());
    List<String> classes = card.config().classes();
    Object cut = card.info() == null ? null : card.info().get(Evaluator.RANK_THRESHOLDS);
    RankThresholds thresholds = cut == null ? null : JobJson.convert(cut, RankThresholds.class);
    List<PredictedImage> predictions = new ArrayList<>();
    List<SkippedImage> skipped;
    try (Predictor predictor = Predictor.load(s.model(), s.device(), s.inference())) {
      skipped = InputBatches.read(files, classes, s.batchSize(), batch -> {
        List<Prediction> answers = predictor.predictAll(
            batch.stream().map(i -> i.file().toString()).toList(),
            batch.stream().map(InputBatches.InputImage::image).toList());
        for (int i = 0; i < answers.size(); i++) {
          predictions.add(PredictedImage.of(answers.get(i), thresholds,
              batch.get(i).trueClass()));
        }
      });
    }
    LOG.info("predicted {} images with {}, skipped {}", predictions.size(), s.model(),
        skipped.size());
    PredictResult result = new PredictResult(s.model(), s.out(),
        s.out().resolve("predictions.csv"), s.out().resolve("predictions.json"),
        classes, predictions, skipped);
    PredictionCsv.write(result.csv(), result.classes(), predictions, thresholds != null);
    JobJson.write(result.json(), result);
    return result;
  }
}
