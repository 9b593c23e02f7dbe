package dev.sommelier.tasks.train;

/**
 * One request to a {@link FeatureFolder}: the features under a key were computed (the backbone
 * ran over the images) or reused (read back, the backbone did not run).
 *
 * @param key what the features depend on
 * @param computed true when the backbone ran over the images, false when stored features served
 * @param images images whose features were handed out
 * @param seconds time to compute, or to read back, the features
 */
public record FeatureUse(String key, boolean computed, int images, double seconds) {}
