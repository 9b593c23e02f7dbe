/**
 * Seeded synthetic image sets for demos and tests, drawn with Java2D and written as PNG or JPEG:
 * shapes by class ({@link dev.sommelier.tasks.data.synthetic.ShapeImages}), strokes whose length is
 * a rank ({@link dev.sommelier.tasks.data.synthetic.RankImages}), and a small logo on a machine
 * body whose bounding box is recorded ({@link dev.sommelier.tasks.data.synthetic.LogoImages}). The
 * same seed writes the same files.
 */
package dev.sommelier.tasks.data.synthetic;
