package dev.sommelier.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The directions between the packages of {@code tasks}, read from the import lines (static ones
 * included) of the main sources: data, then model, train, predict, explain and eval, then jobs
 * (what the jobs share, then one sub-package per job), then the tools module, with nothing
 * pointing back. There are no exceptions today.
 */
class PackageDirectionsTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?([\\w.]+)(?:\\.\\*)?;", Pattern.MULTILINE);
  private static final List<String> BELOW_JOBS = List.of("dev.sommelier.tasks.model",
      "dev.sommelier.tasks.train", "dev.sommelier.tasks.predict", "dev.sommelier.tasks.explain",
      "dev.sommelier.tasks.eval");
  private static final List<String> JOB_USE_CASES = List.of("dev.sommelier.tasks.jobs.train",
      "dev.sommelier.tasks.jobs.evaluate", "dev.sommelier.tasks.jobs.predict",
      "dev.sommelier.tasks.jobs.explain");

  /** Package of each main source file, by file, and its imports. */
  private static Map<Path, Source> sources;

  private record Source(String pkg, List<String> imports) {}

  @BeforeAll
  static void readSources() throws IOException {
    sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        sources.put(SOURCES.relativize(f), parse(Files.readString(f)));
      }
    }
  }

  private static Source parse(String text) {
    Matcher p = PACKAGE.matcher(text);
    String pkg = p.find() ? p.group(1) : "";
    List<String> imports = new ArrayList<>();
    Matcher m = IMPORT.matcher(text);
    while (m.find()) {
      imports.add(m.group(1));
    }
    return new Source(pkg, imports);
  }

  private static boolean in(String name, String pkg) {
    return name.equals(pkg) || name.startsWith(pkg + ".");
  }

  private static boolean inAny(String name, List<String> pkgs) {
    return pkgs.stream().anyMatch(p -> in(name, p));
  }

  /** Each "file: import" where a file in one of {@code from} imports something {@code banned}. */
  private static List<String> violations(List<String> from, Pattern banned) {
    List<String> found = new ArrayList<>();
    sources.forEach((file, s) -> {
      if (inAny(s.pkg(), from)) {
        s.imports().stream().filter(i -> banned.matcher(i).lookingAt())
            .forEach(i -> found.add(file + ": " + i));
      }
    });
    return found;
  }

  @Test
  void theSourcesAreReadWithTheirPackagesAndImports() {
    Source job = sources.get(Path.of("dev/sommelier/tasks/jobs/train/TrainJob.java"));
    assertEquals("dev.sommelier.tasks.jobs.train", job.pkg());
    assertTrue(job.imports().contains("dev.sommelier.tasks.jobs.Evaluator"),
        job.imports()::toString);
    assertTrue(job.imports().contains("org.slf4j.LoggerFactory"), job.imports()::toString);
    Source parsed = parse("package a.b;\n\nimport static x.Y.z;\nimport p.q.*;\nimport r.S;\n");
    assertEquals(new Source("a.b", List.of("x.Y.z", "p.q", "r.S")), parsed);
    assertTrue(sources.size() > 100, () -> sources.size() + " files");
    List<String> jobsOnModel = violations(List.of("dev.sommelier.tasks.jobs"),
        Pattern.compile("dev\\.sommelier\\.tasks\\.model\\."));
    assertTrue(jobsOnModel.contains(
        "dev/sommelier/tasks/jobs/train/TrainJob.java: dev.sommelier.tasks.model.TaskModel"),
        jobsOnModel::toString);
  }

  @Test
  void dataUsesNeitherTensorFlowNorAnyOtherTasksPackage() {
    assertEquals(List.of(), violations(List.of("dev.sommelier.tasks.data"),
        Pattern.compile("org\\.tensorflow\\.|dev\\.sommelier\\.tasks\\.(?!data\\.)")));
  }

  @Test
  void modelTrainPredictExplainAndEvalDoNotUseTheJobs() {
    assertEquals(List.of(),
        violations(BELOW_JOBS, Pattern.compile("dev\\.sommelier\\.tasks\\.jobs\\.")));
  }

  @Test
  void whatTheJobsShareDoesNotUseOneJob() {
    List<String> found = new ArrayList<>();
    sources.forEach((file, s) -> {
      if (s.pkg().equals("dev.sommelier.tasks.jobs")) {
        s.imports().stream().filter(i -> inAny(i, JOB_USE_CASES))
            .forEach(i -> found.add(file + ": " + i));
      }
    });
    assertEquals(List.of(), found);
  }

  @Test
  void nothingInTasksUsesTheTools() {
    assertEquals(List.of(), violations(List.of("dev.sommelier.tasks"),
        Pattern.compile("dev\\.sommelier\\.tools\\.")));
  }
}
