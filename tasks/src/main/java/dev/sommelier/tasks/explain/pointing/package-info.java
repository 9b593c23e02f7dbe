/**
 * The pointing game: where an image's object boxes are known ({@link
 * dev.sommelier.tasks.explain.pointing.ObjectBoxes}, e.g. the {@code boxes.csv} that the drawn
 * logos write), a map scores a hit when its peak falls inside a box of its image, and a model's
 * rate is its hits over the explained images that have boxes ({@link
 * dev.sommelier.tasks.explain.pointing.PointingGame}).
 */
package dev.sommelier.tasks.explain.pointing;
