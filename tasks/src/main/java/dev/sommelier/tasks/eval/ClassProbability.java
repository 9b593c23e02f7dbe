package dev.sommelier.tasks.eval;

/**
 * One class of a decoded prediction.
 *
 * @param index class index
 * @param name class name
 * @param probability predicted probability of the class
 */
public record ClassProbability(int index, String name, float probability) {}
