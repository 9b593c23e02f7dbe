package dev.sommelier.tasks.data.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the pipeline's reference throughput (224x224 from 64x64 PNGs, 2 workers, every
 * augmentation at p = 0.5). A program, not a test: run it with the test class path, for example
 * {@code mvn -pl tasks exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.sommelier.tasks.data.pipeline.PipelineThroughputMain}.
 */
public final class PipelineThroughputMain {

  private PipelineThroughputMain() {}

  /** Optional argument: number of images (default 512). */
  public static void main(String[] args) throws Exception {
    int images = args.length > 0 ? Integer.parseInt(args[0]) : 512;
    Path scratch = Files.createTempDirectory("sommelier-throughput");
    PipelineThroughput.Result r = PipelineThroughput.measureOnShapes(scratch, images,
        PipelineThroughput.Settings.reference());
    System.out.println("pipeline: " + r.summary() + ", augmentation all(0.5), caffe preprocessing");
  }
}
