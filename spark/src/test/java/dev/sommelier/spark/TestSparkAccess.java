package dev.sommelier.spark;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** {@link TestSpark} for the tests of other packages (the launcher's). */
public final class TestSparkAccess {

  private TestSparkAccess() {}

  /** {@link TestSpark#spark()}. */
  public static SparkSession spark() {
    return TestSpark.spark();
  }

  /** {@link TestSpark#shapes()}. */
  public static Path shapes() {
    return TestSpark.shapes();
  }

  /** {@link TestSpark#model()}. */
  public static Path model() {
    return TestSpark.model();
  }

  /** {@link TestSpark#images()}. */
  public static List<Path> images() {
    return TestSpark.images();
  }
}
