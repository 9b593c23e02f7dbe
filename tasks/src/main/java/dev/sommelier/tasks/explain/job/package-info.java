/**
 * Explaining image files with a saved model end to end ({@link
 * dev.sommelier.tasks.explain.job.ExplainJob}): maps, overlays, raw maps, a contact sheet, the
 * deletion metric per map, and {@code explanations.json}.
 */
package dev.sommelier.tasks.explain.job;
