package dev.sommelier.spark.cli;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Where the commands write, and the line they print when done. */
final class Outputs {

  private Outputs() {}

  /** {@code dir/name}, for a local path or a URI. */
  static String child(String dir, String name) {
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

  /**
   * Prints {@code images VERB, E without an answer (see the error column): FILE}, counting on
   * {@code written}'s error column.
   */
  static void summary(PrintWriter o, String verb, Dataset<Row> written, String file) {
    long all = written.count();
    long errors = written.where(col("error").isNotNull()).count();
    o.println((all - errors) + " images " + verb + ", " + errors + " without an answer (see the"
        + " error column): " + file);
    o.flush();
  }
}
