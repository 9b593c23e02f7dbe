/**
 * The {@code sommelier-spark} launcher ({@link dev.sommelier.spark.cli.SommelierSpark}): {@code
 * predict}, {@code explain} and {@code features} for {@code spark-submit}, with the option names of
 * the {@code sommelier} commands.
 */
package dev.sommelier.spark.cli;
