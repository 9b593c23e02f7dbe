package dev.sommelier.api;

import dev.sommelier.tasks.data.ImageDecodeException;
import dev.sommelier.tasks.data.ImageDecoder;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.explain.ExplainMethod;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.predict.HeatMap;
import dev.sommelier.tasks.predict.Prediction;
import dev.sommelier.tasks.predict.Predictor;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained model, loaded for an application: it answers for an image file, a {@code
 * BufferedImage} or the bytes of an upload, with every class's probability (or a value, for a
 * regressor), and explains the answer with a Grad-CAM heat map. Images of any size are decoded,
 * resized and preprocessed exactly as in training.
 *
 * <p>Safe to share between threads: one instance serves concurrent calls (TensorFlow runs them
 * side by side; the explanation's gradients are built once, under a lock). Close it once, after
 * the last call, to free the graph and its session.
 *
 * <pre>{@code
 * try (ImageModel model = Sommelier.load(Path.of("runs/photos/model"))) {
 *   Prediction p = model.predict(Path.of("photo.jpg"));
 *   System.out.println(p.top().name() + " " + p.top().probability());
 *   HeatMap why = model.explain(Files.readAllBytes(Path.of("photo.jpg")));
 *   ImageIO.write(why.overlay(), "png", new File("why.png"));
 * }
 * }</pre>
 */
public final class ImageModel implements AutoCloseable {

  /** What an image given as bytes is called in answers and errors. */
  public static final String UPLOAD = "upload";
  /** What an image given as a {@code BufferedImage} is called in answers. */
  public static final String IMAGE = "image";

  private final Predictor predictor;
  private final long maxPixels;

  ImageModel(Predictor predictor, long maxPixels) {
    this.predictor = predictor;
    this.maxPixels = maxPixels;
  }

  /**
   * The answer for the image file {@code image}.
   *
   * @throws ImageDecodeException when it is missing, not an image, or over the pixel limit
   *     ({@link dev.sommelier.tasks.data.ImageTooLargeException})
   */
  public Prediction predict(Path image) throws ImageDecodeException {
    return predictor.predict(image.toString(), ImageDecoder.decode(image, maxPixels));
  }

  /** The answer for an image already in memory. */
  public Prediction predict(BufferedImage image) {
    return predictor.predict(IMAGE, ImageDecoder.convert(image));
  }

  /**
   * The answer for an encoded image (JPEG, PNG, BMP, GIF, TIFF, ...), such as an upload.
   *
   * @throws ImageDecodeException when the bytes are not an image that can be read, or declare
   *     more pixels than the limit ({@link dev.sommelier.tasks.data.ImageTooLargeException},
   *     before decoding)
   */
  public Prediction predict(byte[] encoded) throws ImageDecodeException {
    return predictor.predict(UPLOAD, decode(encoded));
  }

  /**
   * The answer for the image file {@code image} and its heat map: Grad-CAM at the backbone's
   * default layer, of the most probable class (a classifier) or of what raises the value (a
   * regressor).
   *
   * @throws ImageDecodeException as {@link #predict(Path)}
   */
  public HeatMap explain(Path image) throws ImageDecodeException {
    return predictor.explain(image.toString(), ImageDecoder.decode(image, maxPixels));
  }

  /**
   * The answer for an image file, explained with {@code method} at its default layer instead of
   * Grad-CAM, e.g. {@code ExplainMethods.named("fusion")} or {@code CamMethod.LAYER_CAM} ({@link
   * dev.sommelier.tasks.explain.ExplainMethods#all()} lists them).
   *
   * @throws ImageDecodeException when the file cannot be read or decoded
   */
  public HeatMap explain(Path image, ExplainMethod method) throws ImageDecodeException {
    return predictor.explain(image.toString(), ImageDecoder.decode(image, maxPixels), method);
  }

  /** The answer for an image in memory, with its heat map as {@link #explain(Path)}. */
  public HeatMap explain(BufferedImage image) {
    return predictor.explain(IMAGE, ImageDecoder.convert(image));
  }

  /**
   * The answer for an encoded image, with its heat map as {@link #explain(Path)}.
   *
   * @throws ImageDecodeException as {@link #predict(byte[])}
   */
  public HeatMap explain(byte[] encoded) throws ImageDecodeException {
    return predictor.explain(UPLOAD, decode(encoded));
  }

  /** The class (or label) names in index order; empty for a regressor. */
  public List<String> classes() {
    return predictor.model().config().output().names();
  }

  /** Whether the model answers with one class (else with a value, or with labels). */
  public boolean classifies() {
    return task() == TaskKind.CLASSIFICATION;
  }

  /**
   * What the model answers: one class, a value, or labels (then each {@link Prediction}'s {@code
   * labels()} are those at or over their threshold, and {@code classes()} every label's
   * probability).
   */
  public TaskKind task() {
    return predictor.model().config().task();
  }

  /** The largest image this model decodes, in pixels. */
  public long maxPixels() {
    return maxPixels;
  }

  /**
   * The predictor underneath: batches, other explained layers, targets and methods ({@link
   * Predictor#explainAll}). It is closed with this model.
   */
  public Predictor predictor() {
    return predictor;
  }

  /** Frees the model's graph and session. */
  @Override
  public void close() {
    predictor.close();
  }

  private RgbImage decode(byte[] encoded) throws ImageDecodeException {
    return ImageDecoder.decode(encoded, UPLOAD, maxPixels);
  }
}
