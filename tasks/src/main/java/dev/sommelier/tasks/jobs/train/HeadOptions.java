package dev.sommelier.tasks.jobs.train;

import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.OutputFunction;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.model.TaskKind;
import java.util.List;
import java.util.Locale;

/**
 * The head a training job puts on the backbone, before the number of classes is known: {@code
 * softmax} (classification; pooling, dropout, Dense softmax), {@code regressor} (regression;
 * pooling, one ReLU Dense layer, Dense 1), {@code multilabel} (labels; pooling, dropout, Dense
 * sigmoid) or {@code mlp} (any task; Flatten, ReLU Dense layers with dropout, the output).
 *
 * @param type {@code softmax}, {@code regressor} or {@code mlp}
 * @param dropout dropout rate before each Dense layer that has one (softmax and mlp; 0 for the
 *     regressor, which has none)
 * @param hidden hidden widths: one for the regressor (default 8), any for the mlp (default 128);
 *     empty for the default
 * @param pooling how the feature map becomes a vector for softmax, regressor and multilabel; the
 *     mlp flattens
 * @param positiveWeights multi-label only: the loss weight of each label's positive targets (one
 *     for all labels or one per label; empty for 1), to make rare labels count
 * @param thresholds multi-label only: how each label's presence is decided (default 0.5 each)
 */
public record HeadOptions(String type, float dropout, List<Integer> hidden, Pooling pooling,
    List<Float> positiveWeights, LabelThresholds thresholds) {

  /** Default dropout of the softmax and mlp heads. */
  public static final float DEFAULT_DROPOUT = 0.5f;
  private static final int REGRESSOR_HIDDEN = 8;
  private static final int MLP_HIDDEN = 128;

  /** Checks the type and that the options fit it. */
  public HeadOptions {
    type = type.strip().toLowerCase(Locale.ROOT);
    hidden = List.copyOf(hidden);
    positiveWeights = positiveWeights == null ? List.of() : List.copyOf(positiveWeights);
    thresholds = thresholds == null ? LabelThresholds.DEFAULT : thresholds;
    if (!List.of("softmax", "regressor", "multilabel", "mlp").contains(type)) {
      throw new IllegalArgumentException(
          "unknown head '" + type + "': use softmax, regressor, multilabel or mlp");
    }
    if ((type.equals("softmax") || type.equals("multilabel")) && !hidden.isEmpty()) {
      throw new IllegalArgumentException(
          "a " + type + " head has no hidden layers; use the mlp head");
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
          + pooling.name().toLowerCase(Locale.ROOT) + " applies to softmax, regressor and"
          + " multilabel heads");
    }
  }

  /** A head without positive weights, deciding labels at 0.5. */
  public HeadOptions(String type, float dropout, List<Integer> hidden, Pooling pooling) {
    this(type, dropout, hidden, pooling, List.of(), LabelThresholds.DEFAULT);
  }

  /** These options for a multi-label head with these positive weights and thresholds. */
  public HeadOptions withLabels(List<Float> weights, LabelThresholds decisions) {
    return new HeadOptions(type, dropout, hidden, pooling, weights, decisions);
  }

  /**
   * The default head of a task: softmax with dropout 0.5, the regressor with 8 hidden units, or
   * multilabel with dropout 0.5.
   */
  public static HeadOptions defaultFor(TaskKind task) {
    return of(switch (task) {
      case CLASSIFICATION -> "softmax";
      case REGRESSION -> "regressor";
      case MULTILABEL -> "multilabel";
    });
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
   * The head for {@code task} with {@code classes} classes or labels (ignored for regression).
   *
   * @throws IllegalArgumentException when this head does not fit the task
   */
  public HeadSpec spec(TaskKind task, int classes) {
    if (task != TaskKind.MULTILABEL
        && (!positiveWeights.isEmpty() || !thresholds.equals(LabelThresholds.DEFAULT))) {
      throw new IllegalArgumentException(
          "positive weights and label thresholds apply to multi-label training only");
    }
    return switch (type) {
      case "softmax" -> {
        fits(task, TaskKind.CLASSIFICATION, "a softmax head classifies");
        yield HeadSpec.softmax(classes, pooling, dropout);
      }
      case "regressor" -> {
        fits(task, TaskKind.REGRESSION, "the regressor head predicts a value");
        yield HeadSpec.regressor(hidden.isEmpty() ? REGRESSOR_HIDDEN : hidden.get(0), pooling);
      }
      case "multilabel" -> {
        fits(task, TaskKind.MULTILABEL, "the multilabel head gives labels");
        yield HeadSpec.multilabel(classes, pooling, dropout, weights(classes));
      }
      default -> {
        List<Integer> widths = hidden.isEmpty() ? List.of(MLP_HIDDEN) : hidden;
        yield switch (task) {
          case CLASSIFICATION -> HeadSpec.mlp(widths, dropout, classes, OutputFunction.SOFTMAX);
          case REGRESSION -> HeadSpec.mlp(widths, dropout, 1, OutputFunction.LINEAR);
          case MULTILABEL -> new HeadSpec("mlp", classes, Pooling.FLATTEN, widths, dropout,
              OutputFunction.SIGMOID, weights(classes));
        };
      }
    };
  }

  private void fits(TaskKind task, TaskKind head, String what) {
    if (task != head) {
      throw new IllegalArgumentException(what + "; for " + task.name().toLowerCase(Locale.ROOT)
          + " use the " + defaultFor(task).type() + " or mlp head");
    }
  }

  private List<Float> weights(int labels) {
    if (positiveWeights.size() == 1) {
      return java.util.Collections.nCopies(labels, positiveWeights.get(0));
    }
    if (!positiveWeights.isEmpty() && positiveWeights.size() != labels) {
      throw new IllegalArgumentException(positiveWeights.size() + " positive weights given for "
          + labels + " labels; give one for all, or one per label in their natural order");
    }
    return positiveWeights;
  }
}
