/**
 * Where samples come from: class folders, file-name labels, a CSV of paths and labels, CIFAR-10
 * binary records, and train/val/test folders given ready split. Every loader returns a {@link
 * dev.sommelier.tasks.data.DataSet} whose samples are in a stable order and whose class names, when
 * they come from text, are in {@linkplain dev.sommelier.tasks.data.NaturalOrder natural order}.
 * Bad input (a missing file, a name that does not fit the pattern) is an {@link
 * IllegalArgumentException} that names it.
 */
package dev.sommelier.tasks.data.source;
