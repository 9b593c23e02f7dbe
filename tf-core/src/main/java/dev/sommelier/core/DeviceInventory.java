package dev.sommelier.core;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteDeviceList;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListCount;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListMemoryBytes;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListName;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionListDevices;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_Status;

/**
 * The devices the TensorFlow runtime in this process sees, read through the C API's device list
 * (TF-Java has no public call for it), and the CUDA libraries the process has loaded.
 */
public final class DeviceInventory {

  /** One device as TensorFlow reports it. */
  public record DeviceInfo(String name, String type, long memoryBytes) {
    /** Device index within its type, parsed from the name ({@code .../device:GPU:1} gives 1). */
    public int index() {
      return Integer.parseInt(name.substring(name.lastIndexOf(':') + 1));
    }
  }

  private DeviceInventory() {}

  /**
   * The devices this process sees. They cannot change while it runs, so they are listed once (in a
   * throw-away session on an empty graph) rather than each time a runtime opens.
   */
  public static List<DeviceInfo> list() {
    return Listed.DEVICES;
  }

  /** Lazily lists the devices on first use. */
  private static final class Listed {
    static final List<DeviceInfo> DEVICES = List.copyOf(query());
  }

  private static List<DeviceInfo> query() {
    try (Graph g = new Graph();
        Session s = new Session(g);
        TF_Status status = TF_Status.newStatus()) {
      TF_DeviceList devices = TF_SessionListDevices(nativeHandle(s), status);
      status.throwExceptionIfNotOK();
      try {
        List<DeviceInfo> out = new ArrayList<>();
        for (int i = 0; i < TF_DeviceListCount(devices); i++) {
          String name = TF_DeviceListName(devices, i, status).getString();
          String type = TF_DeviceListType(devices, i, status).getString();
          long memory = TF_DeviceListMemoryBytes(devices, i, status);
          status.throwExceptionIfNotOK();
          out.add(new DeviceInfo(name, type, memory));
        }
        return out;
      } finally {
        TF_DeleteDeviceList(devices);
      }
    }
  }

  /** True when {@code device} is among {@code devices}. */
  public static boolean contains(List<DeviceInfo> devices, Device device) {
    return devices.stream()
        .anyMatch(d -> d.type().equals(device.type()) && d.index() == device.index());
  }

  /**
   * The CUDA, cuBLAS and cuDNN shared libraries mapped into this process (their file names carry
   * the versions that were really loaded); empty on a CPU build or outside Linux.
   */
  public static List<String> loadedCudaLibraries() {
    Path maps = Path.of("/proc/self/maps");
    if (!Files.isReadable(maps)) {
      return List.of();
    }
    TreeSet<String> libs = new TreeSet<>();
    try (var lines = Files.lines(maps)) {
      lines
          .map(l -> l.substring(l.lastIndexOf(' ') + 1))
          .filter(p -> p.matches(".*/lib(cudart|cublas|cudnn)[^/]*\\.so.*"))
          .forEach(p -> libs.add(Path.of(p).getFileName().toString()));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    return List.copyOf(libs);
  }

  private static TF_Session nativeHandle(Session session) {
    try {
      Field f = Session.class.getDeclaredField("nativeHandle");
      f.setAccessible(true);
      return (TF_Session) f.get(session);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "cannot list devices: this TF-Java version hides the session handle", e);
    }
  }
}
