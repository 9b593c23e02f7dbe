package dev.sommelier.tasks.eval;

/**
 * Distribution of the error {@code prediction - truth} over the samples of one true rank: what a
 * box or violin plot of errors per rank needs. Quartiles interpolate linearly between order
 * statistics (numpy's default).
 *
 * @param rank the true rank
 * @param count samples of that rank
 * @param meanError mean error
 * @param min smallest error
 * @param q1 first quartile
 * @param median median
 * @param q3 third quartile
 * @param max largest error
 */
public record RankErrors(
    int rank,
    int count,
    double meanError,
    double min,
    double q1,
    double median,
    double q3,
    double max) {}
