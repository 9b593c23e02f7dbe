package dev.sommelier.tasks.data;

/**
 * The source pixels and weights of every output position along one axis: bilinear with
 * half-pixel centres (as {@code tf.image.resize} and OpenCV's {@code INTER_LINEAR}) when the axis
 * shrinks by at most {@link ImageResizer#AREA_THRESHOLD}, otherwise area averaging (every source
 * pixel weighted by how much of it the output pixel covers, as OpenCV's {@code INTER_AREA}).
 * Weights of one output position sum to 1.
 */
final class ResizeTaps {

  final int taps;
  final int[] index;
  final float[] weight;

  private ResizeTaps(int outSize, int taps) {
    this.taps = taps;
    this.index = new int[outSize * taps];
    this.weight = new float[outSize * taps];
  }

  static ResizeTaps of(int inSize, int outSize) {
    double scale = (double) inSize / outSize;
    return scale > ImageResizer.AREA_THRESHOLD
        ? area(inSize, outSize, scale)
        : bilinear(inSize, outSize, scale);
  }

  private static ResizeTaps bilinear(int inSize, int outSize, double scale) {
    ResizeTaps t = new ResizeTaps(outSize, 2);
    for (int o = 0; o < outSize; o++) {
      double src = Math.max(0, Math.min(inSize - 1, (o + 0.5) * scale - 0.5));
      int i0 = (int) src;
      double frac = src - i0;
      t.index[2 * o] = i0;
      t.index[2 * o + 1] = Math.min(i0 + 1, inSize - 1);
      t.weight[2 * o] = (float) (1 - frac);
      t.weight[2 * o + 1] = (float) frac;
    }
    return t;
  }

  private static ResizeTaps area(int inSize, int outSize, double scale) {
    ResizeTaps t = new ResizeTaps(outSize, (int) Math.ceil(scale) + 1);
    for (int o = 0; o < outSize; o++) {
      double from = o * scale;
      double to = Math.min(inSize, (o + 1) * scale);
      int first = (int) from;
      for (int k = 0; k < t.taps; k++) {
        int i = first + k;
        double overlap = Math.min(i + 1, to) - Math.max(i, from);
        t.index[o * t.taps + k] = Math.min(i, inSize - 1);
        t.weight[o * t.taps + k] = overlap > 0 ? (float) (overlap / scale) : 0f;
      }
    }
    return t;
  }
}
