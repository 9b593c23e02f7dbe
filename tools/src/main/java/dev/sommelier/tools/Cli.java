package dev.sommelier.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sommelier.backbones.keras.KerasModelSources;
import dev.sommelier.core.Device;
import dev.sommelier.core.Precision;
import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.jobs.train.InitialWeights;
import dev.sommelier.tools.config.ConfigPreprocessor;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/** Plumbing the sommelier commands share: option conversion, JSON output, error handling. */
public final class Cli {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Cli() {}

  /**
   * A picocli converter that parses option text with a {@code parse} method whose
   * {@link IllegalArgumentException} message becomes the usage error.
   */
  private abstract static class ParsingConverter<T> implements CommandLine.ITypeConverter<T> {
    private final Function<String, T> parse;

    ParsingConverter(Function<String, T> parse) {
      this.parse = parse;
    }

    @Override
    public T convert(String value) {
      try {
        return parse.apply(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Converts {@code --device} text with {@link Device#parse}. */
  static final class DeviceConverter extends ParsingConverter<Device> {
    DeviceConverter() {
      super(Device::parse);
    }
  }

  /** Converts {@code --precision} text with {@link Precision#parse}. */
  public static final class PrecisionConverter extends ParsingConverter<Precision> {
    public PrecisionConverter() {
      super(Precision::parse);
    }
  }

  /** Converts {@code --augment} text with {@link AugmentationConfig#parse}. */
  static final class AugmentationConverter extends ParsingConverter<AugmentationConfig> {
    AugmentationConverter() {
      super(AugmentationConfig::parse);
    }
  }

  /** Converts {@code --weights} text ({@code none}, {@code imagenet}, a path) to weights. */
  static final class WeightsConverter extends ParsingConverter<InitialWeights> {
    WeightsConverter() {
      super(InitialWeights::parse);
    }
  }

  /** Prints {@code value} as pretty-printed JSON. */
  public static void printJson(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON tree of {@code value}, for adding fields before printing. */
  static ObjectNode jsonTree(Object value) {
    return JSON.valueToTree(value);
  }

  /** {@code 23,587,712}: a count with thousands separators, as Keras prints it. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * Checks that a Keras model path exists; what it holds is checked when it is opened.
   *
   * @throws IllegalArgumentException naming the path and the accepted formats
   */
  static Path kerasModel(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(
          "no Keras model at " + path.toAbsolutePath() + "; give " + KerasModelSources.ACCEPTED);
    }
    return path;
  }

  /**
   * Bad usage: the message (led by the file and key for a bad value from a {@code --config} file),
   * a suggestion for a mistyped name, and where help is; exit 2. Unknown arguments are named even
   * when picocli reports missing options instead, since a misspelt option is the likely cause.
   */
  static int handleParameterException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    if (!(ex instanceof UnmatchedArgumentException) && !cmd.getUnmatchedArguments().isEmpty()) {
      UnmatchedArgumentException unknown =
          new UnmatchedArgumentException(cmd, cmd.getUnmatchedArguments());
      err.println(unknown.getMessage());
      UnmatchedArgumentException.printSuggestions(unknown, err);
    }
    err.println(ConfigPreprocessor.describe(ex));
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * A failure while running: bad input ({@link IllegalArgumentException}) prints its message and
   * exits 2; anything else prints its stack trace and exits 1.
   */
  static int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    String command = cmd.getCommandSpec().qualifiedName();
    if (ex instanceof IllegalArgumentException) {
      err.println(command + ": " + ex.getMessage());
      err.flush();
      return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }
    err.print(command + ": failed: ");
    ex.printStackTrace(err);
    err.flush();
    return cmd.getCommandSpec().exitCodeOnExecutionException();
  }
}
