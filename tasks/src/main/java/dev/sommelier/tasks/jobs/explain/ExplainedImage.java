package dev.sommelier.tasks.jobs.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.jobs.FolderTruth;
import java.util.List;

/**
 * One image of an {@link ExplainResult}.
 *
 * @param file the image file
 * @param width the image's width in pixels
 * @param height the image's height in pixels
 * @param classes the most probable classes (up to 5) with their probabilities; null for
 *     regression
 * @param value the predicted value; null for classification
 * @param trueClass the image's known class ({@link dev.sommelier.tasks.jobs.FolderTruth}); null
 *     when not known
 * @param correct whether the most probable class is {@code trueClass}; null when not known
 * @param explanations one per explained target
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExplainedImage(String file, int width, int height, List<ClassProbability> classes,
    Float value, String trueClass, Boolean correct, List<Explanation> explanations) {

  /** Copies the lists. */
  public ExplainedImage {
    classes = classes == null ? null : List.copyOf(classes);
    explanations = List.copyOf(explanations);
  }
}
