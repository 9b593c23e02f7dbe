package dev.sommelier.api;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.model.InferenceOptions;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.predict.Predictor;
import java.nio.file.Path;

/**
 * Where an application starts: {@link #load} a model that {@code sommelier train}, {@code
 * sommelier import} or {@link Training#run} saved, or {@link #train} one on a folder of photos.
 *
 * <pre>{@code
 * TrainResult run = Sommelier.train(Path.of("photos"), Path.of("runs/photos"))
 *     .epochs(10)
 *     .fineTune("last-6:10:1e-4")
 *     .run();
 * try (ImageModel model = Sommelier.load(run.model())) {
 *   System.out.println(model.predict(Path.of("photos/tele/0001.jpg")).top());
 * }
 * }</pre>
 */
public final class Sommelier {

  private Sommelier() {}

  /**
   * Loads the model directory {@code modelDir} (the {@code model/} folder of a run) on the CPU.
   *
   * @throws IllegalArgumentException when the folder holds no model, naming it and what it lacks
   */
  public static ImageModel load(Path modelDir) {
    return load(modelDir, LoadOptions.DEFAULT);
  }

  /**
   * Loads the model directory {@code modelDir} with {@code options}: the device, the largest
   * image decoded, the precision and whether the graph is frozen.
   *
   * @throws IllegalArgumentException when the folder holds no model, or the device is not there
   */
  public static ImageModel load(Path modelDir, LoadOptions options) {
    Predictor predictor = new Predictor(ModelStore.load(modelDir, BackboneRegistry.load(),
        options.device(), new InferenceOptions(options.precision(), options.frozen())));
    return new ImageModel(predictor, options.maxPixels());
  }

  /**
   * A training run on the class folders under {@code folder} ({@code folder/<class>/*.jpg}),
   * written under {@code out}, with the defaults of {@link Training}; change them with its methods
   * and start it with {@link Training#run}.
   */
  public static Training train(Path folder, Path out) {
    return Training.of(DataSource.folder(folder), out);
  }

  /**
   * A training run on any data source (a CSV of labels or values, file-name labels, given
   * train/val/test folders, CIFAR files), written under {@code out}.
   */
  public static Training train(DataSource data, Path out) {
    return Training.of(data, out);
  }
}
