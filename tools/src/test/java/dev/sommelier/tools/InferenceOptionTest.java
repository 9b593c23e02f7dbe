package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.core.Precision;
import dev.sommelier.tasks.model.InferenceOptions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

/** {@code --precision} and {@code --[no-]frozen} on the commands that open a model to infer. */
class InferenceOptionTest {

  private static final List<List<String>> COMMANDS = List.of(
      List.of("predict", "--model", "m", "--out", "o", "a.png"),
      List.of("explain", "--model", "m", "--out", "o", "--images", "a.png"),
      List.of("evaluate", "--model", "m", "--out", "o", "--folder", "d"));

  @Test
  void defaultIsFrozenFloat32AndBothOptionsChangeIt() {
    for (List<String> c : COMMANDS) {
      assertEquals(InferenceOptions.DEFAULT, options(c), c.get(0));
      assertEquals(new InferenceOptions(Precision.MIXED, false),
          options(c, "--precision", "mixed", "--no-frozen"), c.get(0));
      assertEquals(new InferenceOptions(Precision.FP32, true),
          options(c, "--precision", "fp32", "--frozen"), c.get(0));
    }
  }

  @Test
  void anUnknownPrecisionNamesTheAcceptedOnes() {
    ParameterException e = assertThrows(ParameterException.class,
        () -> options(COMMANDS.get(0), "--precision", "half"));
    assertTrue(e.getMessage().contains("use fp32 or mixed"), e.getMessage());
  }

  private static InferenceOptions options(List<String> command, String... more) {
    String[] args = Stream.concat(command.stream(), Stream.of(more)).toArray(String[]::new);
    Object c = Sommelier.commandLine().parseArgs(args).subcommand().commandSpec().userObject();
    if (c instanceof PredictCommand p) {
      return p.inference.options();
    }
    if (c instanceof ExplainCommand x) {
      return x.inference.options();
    }
    return ((EvaluateCommand) c).inference.options();
  }
}
