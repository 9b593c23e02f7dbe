/**
 * Splitting a data set into train / validation / test: stratified by class (or by rounded value),
 * seeded, by ratios such as {@code 6:2:2}; or taken as given from train/val/test folders.
 */
package dev.sommelier.tasks.data.split;
