/**
 * Comparing training runs on the same data, split and seed: {@link
 * dev.sommelier.tools.compare.Comparison} trains the runs one after another (each an ordinary
 * training run folder), sharing backbone features between head-only runs and resuming where an
 * interrupted comparison stopped, then gathers each run's cost and numbers, the significance of
 * their differences and their explanations of the same test images.
 */
package dev.sommelier.tools.compare;
