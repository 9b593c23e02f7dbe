/**
 * Classification and regression tasks end to end: data ({@code data}), models ({@code model}),
 * training ({@code train}), evaluation ({@code eval}), prediction ({@code predict}), explanation
 * with Grad-CAM ({@code explain}) and the jobs the launcher runs ({@code job}).
 */
package dev.sommelier.tasks;
