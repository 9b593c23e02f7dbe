package dev.sommelier.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory, from the {@code VmRSS} line of {@code /proc/PID/status}. */
final class ResidentMemory {

  private ResidentMemory() {}

  /**
   * The resident memory of process {@code pid} in MiB, or null when no pid is given.
   *
   * @throws IOException when the process's status cannot be read (it ended, or is not on Linux)
   */
  static Double mebibytes(Long pid) throws IOException {
    if (pid == null) {
      return null;
    }
    Path status = Path.of("/proc", pid.toString(), "status");
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        String kib = line.substring("VmRSS:".length()).trim().split("\\s+")[0];
        return Long.parseLong(kib) / 1024.0;
      }
    }
    throw new IOException(status + " has no VmRSS line (a kernel thread?)");
  }
}
