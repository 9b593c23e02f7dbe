package dev.sommelier.heads;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What a built head gives: its score before the output activation (class logits, or the value
 * itself) and its decoded output (class probabilities, or the value), both {@code [batch, k]}.
 */
public record HeadOutput(Operand<TFloat32> score, Operand<TFloat32> prediction) {}
