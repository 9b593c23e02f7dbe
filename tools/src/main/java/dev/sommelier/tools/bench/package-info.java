/**
 * Throughput benchmarks of the backbones: forward and forward+backward images per second, the
 * FLOPs they represent, and how close that comes to this machine's measured float32
 * matrix-multiply rate.
 */
package dev.sommelier.tools.bench;
