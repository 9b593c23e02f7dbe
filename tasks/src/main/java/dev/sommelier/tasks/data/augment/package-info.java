/**
 * Data augmentation of training images, on float RGB in [0, 255] (HWC) at the model's input size:
 * brightness, contrast, salt-and-pepper noise, cutout, affine deformation and flips, each with its
 * own probability and range, all off by default and deterministic for a given {@link
 * java.util.Random}.
 */
package dev.sommelier.tasks.data.augment;
