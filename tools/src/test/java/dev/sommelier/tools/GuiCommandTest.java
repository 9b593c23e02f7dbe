package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import org.junit.jupiter.api.Test;

/** {@code sommelier gui} on the command line, without a display (the default suite is headless). */
class GuiCommandTest {

  @Test
  void withoutADisplayTheWindowIsNotOpenedAndTheExitIsTwo() {
    assertTrue(GraphicsEnvironment.isHeadless(), "the default suite runs headless");
    CliRun r = CliRun.of("gui");
    assertEquals(2, r.exit(), r.err());
    assertEquals("sommelier gui: no display: set DISPLAY or use the train/predict commands\n",
        r.err());
    assertEquals("", r.out());
  }

  @Test
  void helpShowsExamplesAndTheRootCommandListsGui() {
    CliRun help = CliRun.of("gui", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("Examples:") && help.out().contains("  sommelier gui"),
        help.out());
    CliRun root = CliRun.of("--help");
    assertTrue(root.out().contains("  gui ") && root.out().contains("  sommelier gui\n"),
        root.out());
  }
}
