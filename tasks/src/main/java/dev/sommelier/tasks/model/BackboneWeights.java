package dev.sommelier.tasks.model;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.keras.ImportedModel;
import dev.sommelier.backbones.keras.KerasModelImporter;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.WeightAssigner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.SavedModelBundle;

/**
 * Starts a model's backbone from a user's Keras SavedModel (for instance
 * {@code tf.keras.applications.ResNet50(include_top=False, weights='imagenet').save(dir)}): the
 * Keras model is rebuilt and checked strictly, then every backbone weight is copied by its Keras
 * name. Its top, if any, is ignored; the input size may differ (convolution weights do not depend
 * on it).
 */
public final class BackboneWeights {

  private static final Logger LOG = LoggerFactory.getLogger(BackboneWeights.class);

  private BackboneWeights() {}

  /**
   * Copies the backbone weights of the Keras SavedModel in {@code dir} into {@code model}.
   *
   * @throws IllegalArgumentException when the SavedModel's backbone is not the model's (the message
   *     names both) or lacks one of its weights
   */
  public static void importInto(TaskModel model, Path dir, BackboneRegistry registry) {
    try (SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), "serve");
        ModelRuntime keras = ModelRuntime.open(model.runtime().device(), model.config().seed())) {
      ImportedModel imported = KerasModelImporter.rebuild(dir, bundle, registry, keras);
      String theirs = imported.backbone().spec().qualifiedName();
      String ours = model.backbone().spec().qualifiedName();
      if (!theirs.equals(ours)) {
        throw new IllegalArgumentException(
            dir + " holds a " + theirs + " backbone, but the model is a " + ours
                + "; choose --backbone " + theirs);
      }
      Map<String, ModelVariable> sources = new LinkedHashMap<>();
      for (ModelVariable t : model.runtime().variables().all()) {
        if (model.backbone().blockOf(t.layer()) < 0) {
          continue;
        }
        ModelVariable s = keras.variables().get(t.name());
        if (s == null || !s.shape().equals(t.shape())) {
          throw new IllegalArgumentException(dir + " has no weight " + t.name() + " of shape " + t.shape());
        }
        sources.put(t.name(), s);
      }
      new WeightAssigner(model.runtime()).copy(keras, sources);
      LOG.info("backbone {} starts from the {} weights of {}", ours, sources.size(), dir);
    }
  }
}
