/**
 * Sommelier on Apache Spark: batch prediction ({@link dev.sommelier.spark.SparkPredict}),
 * explanation ({@link dev.sommelier.spark.SparkExplain}) and backbone features as Parquet ({@link
 * dev.sommelier.spark.SparkFeatures}) over tables of image paths, with one model per executor JVM;
 * and head training on one machine from those features ({@link
 * dev.sommelier.spark.ParquetHeadTraining}). The launcher for {@code spark-submit} is in {@code
 * cli}.
 */
package dev.sommelier.spark;
