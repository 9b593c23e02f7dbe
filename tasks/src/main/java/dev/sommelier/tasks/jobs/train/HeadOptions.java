package dev.sommelier.tasks.jobs.train;

import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.model.TaskKind;
import java.util.List;
import java.util.Locale;

/**
 * The head a training job puts on the backbone, before the number of classes is known: {@code
 * softmax} (classification; pooling, dropout, Dense softmax), {@code regressor} (regression;
 * pooling, one ReLU Dense layer, Dense 1) or {@code mlp} (either; Flatten, ReLU Dense layers with
 * dropout, the output).
 *
 * @param type {@code softmax}, {@code regressor} or {@code mlp}
 * @param dropout dropout rate before each Dense layer that has one (softmax and mlp; 0 for the
 *     regressor, which has none)
 * @param hidden hidden widths: one for the regressor (default 8), any for the mlp (default 128);
 *     empty for the default
 * @param pooling how the feature map becomes a vector for softmax and regressor; the mlp flattens
 */
public record HeadOptions(String type, float dropout, List<Integer> hidden, Pooling pooling) {

  /** Default dropout of the softmax and mlp heads. */
  public static final float DEFAULT_DROPOUT = 0.5f;
  private static final int REGRESSOR_HIDDEN = 8;
  private static final int MLP_HIDDEN = 128;

  /** Checks the type and that the options fit it. */
  public HeadOptions {
    type = type.strip().toLowerCase(Locale.ROOT);
    hidden = List.copyOf(hidden);
    if (!List.of("softmax", "regressor", "mlp").contains(type)) {
      throw new IllegalArgumentException(
          "unknown head '" + type + "': use softmax, regressor or mlp");
    }
    if (type.equals("softmax") && !hidden.isEmpty()) {
      throw new IllegalArgumentException("a softmax head has no hidden layers; use the mlp head");
    }
    if (type.equals("regressor") && hidden.size() > 1) {
      throw new IllegalArgumentException(
          "the regressor head has one hidden layer, got widths " + hidden + "; use the mlp head");
    }
    if (type.equals("regressor") && dropout != 0) {
      throw new IllegalArgumentException("the regressor head has no dropout; use the mlp head");
    }
    if (type.equals("mlp") && pooling != Pooling.FLATTEN) {
      throw new IllegalArgumentException("the mlp head flattens the feature map; pooling "
          + pooling.name().toLowerCase(Locale.ROOT) + " applies to softmax and regressor heads");
    }
  }

  /** The default head of a task: softmax with dropout 0.5, or the regressor with 8 hidden units. */
  public static HeadOptions defaultFor(TaskKind task) {
    return of(task == TaskKind.CLASSIFICATION ? "softmax" : "regressor");
  }

  /**
   * A head of {@code type} with its defaults: global average pooling (flatten for the mlp), dropout
   * 0.5 (none for the regressor), the default hidden widths.
   */
  public static HeadOptions of(String type) {
    String t = type.strip().toLowerCase(Locale.ROOT);
    return new HeadOptions(t, t.equals("regressor") ? 0f : DEFAULT_DROPOUT, List.of(),
        t.equals("mlp") ? Pooling.FLATTEN : Pooling.GAP);
  }

  /**
   * The head for {@code task} with {@code classes} classes (ignored for regression).
   *
   * @throws IllegalArgumentException when this head does not fit the task
   */
  public HeadSpec spec(TaskKind task, int classes) {
    boolean classification = task == TaskKind.CLASSIFICATION;
    return switch (type) {
      case "softmax" -> {
        if (!classification) {
          throw new IllegalArgumentException(
              "a softmax head classifies; for regression use the regressor or mlp head");
        }
        yield HeadSpec.softmax(classes, pooling, dropout);
      }
      case "regressor" -> {
        if (classification) {
          throw new IllegalArgumentException("the regressor head predicts a value; for"
              + " classification use the softmax or mlp head");
        }
        yield HeadSpec.regressor(hidden.isEmpty() ? REGRESSOR_HIDDEN : hidden.get(0), pooling);
      }
      default -> HeadSpec.mlp(hidden.isEmpty() ? List.of(MLP_HIDDEN) : hidden, dropout,
          classification ? classes : 1, classification);
    };
  }
}
