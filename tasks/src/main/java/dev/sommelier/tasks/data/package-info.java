/**
 * The data layer of training: decoding any image file to 8-bit RGB ({@link
 * dev.sommelier.tasks.data.ImageDecoder}), resizing to a model's input into float HWC ({@link
 * dev.sommelier.tasks.data.ImageResizer}), and the sample and data-set types that the sources
 * ({@code data.source}), splits ({@code data.split}), augmentation ({@code data.augment}) and the
 * batch pipeline ({@code data.pipeline}) share.
 */
package dev.sommelier.tasks.data;
