package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the repository's {@code sommelier} script as a user does, with a stand-in {@code java} that
 * starts the launcher's main class from the test class path (the jar is built after the tests), and
 * checks what reaches stderr: TensorFlow's native info lines stay out by default and come through
 * with {@code --verbose} or an explicit {@code TF_CPP_MIN_LOG_LEVEL}, the device line always.
 */
class LauncherScriptTest {

  private static final List<String> NATIVE_NOISE = List.of(
      "oneDNN custom operations are on",
      "This TensorFlow binary is optimized to use",
      "All log messages before absl::InitializeLog()",
      "MLIR V1 optimization pass is not enabled");

  @TempDir static Path root;
  private static Path script;

  @BeforeAll
  static void installScript() throws IOException {
    Path fixtures =
        Path.of(System.getProperty("sommelier.fixtures", "../fixtures")).toAbsolutePath().normalize();
    script = root.resolve("sommelier");
    Files.copy(fixtures.getParent().resolve("sommelier"), script);
    Files.createDirectories(root.resolve("tools/target"));
    Files.createFile(root.resolve("tools/target/sommelier.jar"));
    Path java = root.resolve("jdk/bin/java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, String.join("\n",
        "#!/usr/bin/env bash",
        "# stands in for 'java -jar JAR ARGS': the launcher's main class from the test class path",
        "shift 2",
        "exec \"$REAL_JAVA\" -cp \"$TEST_CLASS_PATH\" dev.sommelier.tools.Sommelier \"$@\"",
        ""));
    for (Path p : List.of(script, java)) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /** The script's exit status and stderr for {@code args}, with {@code env} added. */
  private static Run launch(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> e = pb.environment();
    e.remove("TF_CPP_MIN_LOG_LEVEL");
    e.remove("JAVA_OPTS");
    e.put("JAVA_HOME", root.resolve("jdk").toString());
    e.put("REAL_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    e.put("TEST_CLASS_PATH", System.getProperty("java.class.path"));
    e.putAll(env);
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
    return new Run(p.exitValue(), err);
  }

  /** The smallest command that loads TensorFlow and runs a graph: a tiny benchmark. */
  private static String[] tinyBench(String... extra) {
    List<String> args = new ArrayList<>(List.of("bench", "--backbones", "simple_cnn",
        "--input-size", "32", "--batch", "2", "--runs", "1", "--train-runs", "1",
        "--matmul-runs", "1", "--warmup", "1"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void nativeLinesStayOutByDefaultAndTheDeviceLineStays() throws Exception {
    Run r = launch(Map.of(), tinyBench());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("ModelRuntime - TensorFlow"), r.err());
    for (String noise : NATIVE_NOISE) {
      assertFalse(r.err().contains(noise), noise + " in\n" + r.err());
    }
  }

  @Test
  void verboseShowsEveryNativeLine() throws Exception {
    Run r = launch(Map.of(), tinyBench("--verbose"));
    assertEquals(0, r.exit(), r.err());
    for (String noise : NATIVE_NOISE) {
      assertTrue(r.err().contains(noise), noise + " missing from\n" + r.err());
    }
  }

  @Test
  void aLogLevelSetByTheUserIsUsedUnfiltered() throws Exception {
    Run r = launch(Map.of("TF_CPP_MIN_LOG_LEVEL", "1"), tinyBench());
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.err().contains("oneDNN custom operations"), r.err());
    assertTrue(r.err().contains("MLIR V1 optimization pass is not enabled"), r.err());
  }

  @Test
  void theExitStatusIsTheCommands() throws Exception {
    Run r = launch(Map.of(), "predict", "--no-such-option");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--no-such-option"), r.err());
  }

  private record Run(int exit, String err) {}
}
