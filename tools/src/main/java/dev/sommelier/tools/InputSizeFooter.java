package dev.sommelier.tools;

import dev.sommelier.backbones.BackboneProvider;
import dev.sommelier.backbones.BackboneRegistry;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes the default input size of every registered backbone into a command's help footer, in
 * place of the line {@link #LINE}: {@code Default input size: 197 for resnet50, 192 for
 * mobilenet_v1, ...}, each its provider's {@link BackboneProvider#trainingInputSize}.
 */
final class InputSizeFooter implements IModelTransformer {

  /** The footer line this replaces. */
  static final String LINE = "Default input size: per backbone.";

  @Override
  public CommandSpec transform(CommandSpec spec) {
    String sizes = BackboneRegistry.load().providers().stream()
        .map(p -> p.trainingInputSize() + " for " + p.name())
        .collect(Collectors.joining(", ", "Default input size: ", "."));
    spec.usageMessage().footer(Arrays.stream(spec.usageMessage().footer())
        .map(line -> line.equals(LINE) ? sizes : line)
        .toArray(String[]::new));
    return spec;
  }
}
