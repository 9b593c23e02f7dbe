package dev.sommelier.spark;

import dev.sommelier.core.ModelVariable;
import dev.sommelier.heads.HeadLayer;
import dev.sommelier.tasks.model.TaskModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a model's backbone features depend on, as one short hex string: the backbone with its
 * options, the input size, the preprocessing and the value of every backbone variable (the head's
 * are left out, so any head on the same backbone and weights has the same fingerprint). Features
 * written with one fingerprint train a head only on a model with the same one.
 */
public final class WeightsFingerprint {

  private static final int HEX_CHARS = 32;

  private WeightsFingerprint() {}

  /** The fingerprint of {@code model}'s backbone; reads its variables in one session run. */
  public static String of(TaskModel model) {
    Set<String> head = model.head().layers().stream().map(HeadLayer::name)
        .collect(Collectors.toSet());
    List<ModelVariable> backbone = model.runtime().variables().all().stream()
        .filter(v -> !head.contains(v.layer())).toList();
    List<float[]> values = model.runtime().values(backbone);
    MessageDigest sha = sha256();
    sha.update(("backbone=" + model.config().backbone() + "\ninputSize="
        + model.config().inputSize() + "\npreprocessing=" + model.preprocessing())
        .getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < backbone.size(); i++) {
      sha.update(("\n" + backbone.get(i).name() + "\n").getBytes(StandardCharsets.UTF_8));
      float[] v = values.get(i);
      ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      b.asFloatBuffer().put(v);
      sha.update(b.array());
    }
    return HexFormat.of().formatHex(sha.digest()).substring(0, HEX_CHARS);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
