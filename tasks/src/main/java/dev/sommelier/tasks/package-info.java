/**
 * Classification and regression tasks end to end: data, training, evaluation, prediction,
 * Grad-CAM. Not built yet (issues 3 and 4); the module exists so the build has its final shape.
 */
package dev.sommelier.tasks;
