/**
 * Explaining image files with a saved model end to end ({@link
 * dev.sommelier.tasks.jobs.explain.ExplainJob}): maps, overlays, raw maps, a contact sheet, the
 * deletion metric per map, and {@code explanations.json}. The Grad-CAM machinery and the rendering
 * it uses live in {@code dev.sommelier.tasks.explain}.
 */
package dev.sommelier.tasks.jobs.explain;
