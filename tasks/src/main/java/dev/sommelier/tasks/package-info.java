/**
 * Classification and regression tasks end to end: data, training, evaluation, prediction
 * (Grad-CAM comes next).
 */
package dev.sommelier.tasks;
