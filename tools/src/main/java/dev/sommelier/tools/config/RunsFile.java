package dev.sommelier.tools.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A comparison's runs file: YAML or JSON mapping each run's name to its options, written as in a
 * {@code --config} file of the command that runs it (long option names without {@code --}):
 *
 * <pre>
 * mlp:       {backbone: pixels, head: mlp}
 * cnn:       {backbone: simple_cnn, scope: all, optimizer: adam, lr: 0.003}
 * mobilenet: {backbone: "mobilenet_v1:alpha=0.25", weights: imagenet}
 * </pre>
 *
 * Relative paths are resolved against the file's folder, as {@code --config} does.
 */
public final class RunsFile {

  private static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.-]*";

  private RunsFile() {}

  /**
   * Reads {@code file} and turns each run's options into arguments of {@code command} ({@code
   * --name=value}, once per value of a list), runs in file order.
   *
   * @param reserved keys a run may not set, because the caller sets them for every run
   * @throws IllegalArgumentException naming the file, the run and the key: a file that is not a
   *     mapping of names to mappings, a run name that is not a folder name, an unknown or reserved
   *     key, a list for a single-valued option, or no runs at all
   */
  public static Map<String, List<String>> arguments(Path file, CommandSpec command,
      Set<String> reserved) {
    JsonNode root = read(file);
    Map<String, OptionSpec> options = ConfigOption.keys(command);
    Map<String, List<String>> runs = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> run = it.next();
      String name = run.getKey();
      if (!name.matches(NAME)) {
        throw new IllegalArgumentException(file + ": run name '" + name + "' is not a plain"
            + " folder name; use letters, digits, '_', '.', '-'");
      }
      if (!run.getValue().isObject()) {
        throw new IllegalArgumentException(file + ", run '" + name + "': a mapping of '"
            + command.qualifiedName() + "' options is needed, e.g. {backbone: resnet50}");
      }
      runs.put(name, arguments(file, name, run.getValue(), options, reserved, command));
    }
    if (runs.isEmpty()) {
      throw new IllegalArgumentException(file + " names no runs; map each run's name to its"
          + " options, e.g. 'mlp: {backbone: pixels, head: mlp}'");
    }
    return runs;
  }

  private static List<String> arguments(Path file, String run, JsonNode values,
      Map<String, OptionSpec> options, Set<String> reserved, CommandSpec command) {
    Path folder = file.toAbsolutePath().getParent();
    List<String> args = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      String where = file + ", run '" + run + "', key '" + key + "'";
      if (reserved.contains(key)) {
        throw new IllegalArgumentException(where + ": the comparison sets it for every run, so"
            + " that all runs share the data, split and seed; give it to compare instead");
      }
      OptionSpec option = options.get(key);
      if (option == null) {
        throw new IllegalArgumentException(where + ": unknown; did you mean '"
            + ClosestName.to(key, options.keySet()) + "'? Keys are the long option names of '"
            + command.qualifiedName() + "' without '--'.");
      }
      List<String> list = RunFile.values(file, key, e.getValue());
      if (!option.isMultiValue() && list.size() != 1) {
        throw new IllegalArgumentException(where + ": one value is needed, not a list of "
            + list.size());
      }
      for (String value : list) {
        args.add(option.longestName() + "=" + (ConfigPreprocessor.isPath(option, value)
            ? ConfigPreprocessor.resolve(folder, value) : value));
      }
    }
    return args;
  }

  private static JsonNode read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no runs file at " + file.toAbsolutePath());
    }
    JsonNode root;
    try {
      root = RunFile.mapperFor(file).readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not valid YAML or JSON: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read runs file " + file + ": " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + " must map run names to options, e.g."
          + " 'mlp: {backbone: pixels, head: mlp}'");
    }
    return root;
  }
}
