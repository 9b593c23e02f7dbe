package dev.sommelier.tasks.data;

/**
 * A sample left out because its image could not be decoded.
 *
 * @param sample the sample, with its id and label
 * @param reason why, short and without the id (an {@link ImageDecodeException#reason()})
 */
public record SkippedSample(Sample sample, String reason) {

  /** The sample's id (its file, or {@code file.bin#17}). */
  public String id() {
    return sample.id();
  }
}
