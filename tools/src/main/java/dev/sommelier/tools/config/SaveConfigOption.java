package dev.sommelier.tools.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.core.AtomicFiles;
import dev.sommelier.tasks.jobs.train.InitialWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --save-config FILE} option (a picocli mixin): writes the options a command runs with
 * as a run file that {@code --config} reads back.
 */
public final class SaveConfigOption {

  private static final String NAME = "--save-config";

  @Option(names = NAME, paramLabel = "FILE",
      description = "Also write this run's options to FILE (.yaml, .yml or .json) for --config;"
          + " paths in it are relative to FILE's folder (default: none).")
  Path file;

  /**
   * Writes the options of {@code spec} to the file if one was given: every option a run file may
   * set ({@link ConfigOption#keys}) that has a value, in the command's order, except this one.
   * Paths are written relative to the file's folder; numbers, booleans and lists as such; anything
   * else as its {@code toString()}, which the option's converter reads back.
   *
   * @throws IllegalArgumentException for a file name that is neither YAML nor JSON
   */
  public void save(CommandSpec spec) throws IOException {
    if (file == null) {
      return;
    }
    ObjectMapper mapper = RunFile.mapperFor(file);
    Path folder = file.toAbsolutePath().normalize().getParent();
    Collection<OptionSpec> keys = ConfigOption.keys(spec).values();
    Map<String, Object> values = new LinkedHashMap<>();
    for (OptionSpec o : spec.options()) {
      if (o.getValue() != null && keys.contains(o) && !o.longestName().equals(NAME)) {
        values.put(o.longestName().substring(2), written(o.getValue(), folder));
      }
    }
    AtomicFiles.write(file, out -> mapper.writeValue(out, values));
  }

  private static Object written(Object value, Path folder) {
    if (value instanceof InitialWeights.File w) {
      return written(w.path(), folder);
    }
    if (value instanceof Path p) {
      String relative = folder.relativize(p.toAbsolutePath().normalize()).toString();
      return relative.isEmpty() ? "." : relative;
    }
    if (value instanceof Collection<?> c) {
      List<Object> list = new ArrayList<>();
      for (Object element : c) {
        list.add(written(element, folder));
      }
      return list;
    }
    return value instanceof Number || value instanceof Boolean ? value : value.toString();
  }
}
