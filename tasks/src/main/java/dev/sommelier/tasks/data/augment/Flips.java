package dev.sommelier.tasks.data.augment;

/** Mirroring an image in place, exactly (float RGB, HWC). */
final class Flips {

  private Flips() {}

  /** Mirrors the image at {@code img[offset ..]} left to right. */
  static void horizontal(float[] img, int offset, int height, int width) {
    for (int y = 0; y < height; y++) {
      int row = offset + y * width * 3;
      for (int l = row, r = row + (width - 1) * 3; l < r; l += 3, r -= 3) {
        for (int c = 0; c < 3; c++) {
          float t = img[l + c];
          img[l + c] = img[r + c];
          img[r + c] = t;
        }
      }
    }
  }

  /** Mirrors the image at {@code img[offset ..]} top to bottom. */
  static void vertical(float[] img, int offset, int height, int width) {
    int row = width * 3;
    float[] t = new float[row];
    for (int top = 0, bottom = height - 1; top < bottom; top++, bottom--) {
      int a = offset + top * row;
      int b = offset + bottom * row;
      System.arraycopy(img, a, t, 0, row);
      System.arraycopy(img, b, img, a, row);
      System.arraycopy(t, 0, img, b, row);
    }
  }
}
