/**
 * Data augmentation of training images, on float RGB in [0, 255] (HWC) at the model's input size:
 * affine deformation with edge fill, flips, brightness, contrast, cutout and salt-and-pepper noise,
 * each with its own probability and strength ({@link
 * dev.sommelier.tasks.data.augment.AugmentationConfig}, read from specs such as {@code
 * flip,affine:0.3}), deterministic for a given {@link java.util.Random}.
 */
package dev.sommelier.tasks.data.augment;
