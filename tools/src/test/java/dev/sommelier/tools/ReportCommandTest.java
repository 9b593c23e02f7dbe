package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sommelier.tools.report.ReportFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sommelier report} on run folders from {@link ReportFixtures}. */
class ReportCommandTest {

  @TempDir Path tmp;

  @Test
  void reportWritesThePageAndPrintsWhereItIs() throws Exception {
    Path run = tmp.resolve("run");
    ReportFixtures.classificationRun(run);
    CliRun r = CliRun.of("report", "--run", run.toString());
    assertEquals(0, r.exit(), r.err());
    Path index = run.resolve("report/index.html");
    assertTrue(r.out().contains("Report:  " + index), r.out());
    assertTrue(r.out().contains("training-curves.png, confusion-matrix.png"), r.out());
    assertTrue(Files.isRegularFile(index));
  }

  @Test
  void jsonListsTheFiles() throws Exception {
    Path run = tmp.resolve("run");
    ReportFixtures.regressionRun(run);
    ReportFixtures.contactSheets(run, 2);
    CliRun r = CliRun.of("report", "--run", run.toString(), "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode files = r.json();
    assertEquals(run.resolve("report/index.html").toString(), files.get("index").asText());
    assertEquals(run.resolve("report/rank-errors.png").toString(),
        files.get("plots").get(2).asText());
    assertEquals(2, files.get("contactSheets").size());
  }

  @Test
  void aFolderWithoutReportJsonExitsTwoAndSaysWhatToDo() {
    CliRun r = CliRun.of("report", "--run", tmp.resolve("nothing").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("no report.json in " + tmp.resolve("nothing").toAbsolutePath())
        && r.err().contains("sommelier train --out DIR"), r.err());
    assertEquals("", r.out());
    assertEquals(2, CliRun.of("report").exit(), "--run is required");
  }

  @Test
  void helpShowsExamples() {
    CliRun r = CliRun.of("report", "--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("Examples:") && r.out().contains("sommelier report --run"),
        r.out());
  }
}
