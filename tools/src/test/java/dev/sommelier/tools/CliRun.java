package dev.sommelier.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;

/** A sommelier command run in-process: its exit status and what it wrote (tests only). */
record CliRun(int exit, String out, String err) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs {@code args} through the launcher's command line with its error handling. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Sommelier.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  /** Standard output parsed as JSON. */
  JsonNode json() throws Exception {
    return JSON.readTree(out);
  }
}
