/**
 * The batch pipeline: decodes, resizes, augments and preprocesses images on worker threads ahead
 * of the training loop and hands out float batches in a deterministic order.
 */
package dev.sommelier.tasks.data.pipeline;
