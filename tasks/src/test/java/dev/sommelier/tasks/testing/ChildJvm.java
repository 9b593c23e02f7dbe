package dev.sommelier.tasks.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java program in a JVM of its own, on this test JVM's class path, with its standard output read
 * line by line and its standard error in a file (tests only; the tools tests use it too).
 */
public final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final BufferedReader out;
  private final Path log;

  private ChildJvm(Process process, Path log) {
    this.process = process;
    this.out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.log = log;
  }

  /** Starts {@code main} with {@code args}; its standard error goes to {@code log}. */
  public static ChildJvm start(Path log, Class<?> main, Object... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), main.getName()));
    for (Object a : args) {
      command.add(a.toString());
    }
    return new ChildJvm(
        new ProcessBuilder(command).redirectError(log.toFile()).start(), log);
  }

  /** Reads standard output up to and including {@code wanted}; fails when it ends before. */
  public List<String> awaitLine(String wanted) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      lines.add(line);
      if (line.equals(wanted)) {
        return lines;
      }
    }
    throw new AssertionError("the program ended without printing '" + wanted + "'; it printed "
        + lines + " and logged:\n" + Files.readString(log));
  }

  /** Kills the program with SIGKILL (on Linux) and returns its exit status. */
  public int kill() throws InterruptedException {
    process.destroyForcibly();
    return process.waitFor();
  }

  /** Reads standard output to its end and checks that the program exited with status 0. */
  public List<String> finish() throws IOException, InterruptedException {
    List<String> lines = new ArrayList<>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      lines.add(line);
    }
    int status = process.waitFor();
    if (status != 0) {
      throw new AssertionError("exit status " + status + " after printing " + lines
          + "; it logged:\n" + Files.readString(log));
    }
    return lines;
  }

  /** Kills the program if it still runs. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    out.close();
  }
}
