/**
 * Run reports: {@link dev.sommelier.tools.report.RunReport} turns a training run's folder ({@code
 * report.json}, {@code test-predictions.csv}, Grad-CAM contact sheets under {@code explain/}) into
 * {@code report/index.html}, one self-contained page, with its plots as PNGs beside it.
 */
package dev.sommelier.tools.report;
