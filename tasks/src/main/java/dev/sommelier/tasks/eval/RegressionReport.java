package dev.sommelier.tasks.eval;

/**
 * How a regressor did on a labelled set. Errors are {@code prediction - truth}.
 *
 * @param samples how many samples were evaluated
 * @param mae mean absolute error
 * @param rmse root mean squared error
 * @param r2 coefficient of determination, {@code 1 - SS_res / SS_tot}; for a constant target
 *     ({@code SS_tot = 0}) it is 1 when every prediction is exact and 0 otherwise, as
 *     scikit-learn reports it
 * @param meanError mean of {@code prediction - truth}: the bias, positive when the model
 *     overestimates
 */
public record RegressionReport(int samples, double mae, double rmse, double r2, double meanError) {}
