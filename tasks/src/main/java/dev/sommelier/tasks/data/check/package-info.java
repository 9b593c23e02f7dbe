/**
 * The check of a data set before it is split: every image decoded once, in parallel, so that files
 * that do not decode are left out of every part and counted ({@link
 * dev.sommelier.tasks.data.check.ImageCheck}).
 */
package dev.sommelier.tasks.data.check;
