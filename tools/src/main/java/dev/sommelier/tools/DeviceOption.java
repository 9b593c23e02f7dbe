package dev.sommelier.tools;

import dev.sommelier.core.Device;
import picocli.CommandLine.Option;

/** The {@code --device} option that every command building a graph shares (a picocli mixin). */
public final class DeviceOption {

  @Option(
      names = "--device",
      paramLabel = "cpu|gpu[:N]",
      defaultValue = "cpu",
      converter = Cli.DeviceConverter.class,
      description = "Device to run the graph on (default: ${DEFAULT-VALUE}).")
  Device device;

  /** The chosen device. */
  public Device device() {
    return device;
  }
}
