package dev.sommelier.core;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;

/**
 * The one owner of a model's {@link Graph} and {@link Session}, placed on one {@link Device}.
 *
 * <p>Build the graph through {@link #ops()} and {@link #variables()}; the session is opened on the
 * first call to {@link #session()} and runs the variables' initializers then. Closing the runtime
 * closes both. Not thread-safe while building; a built graph's session may be run from many
 * threads.
 */
public final class ModelRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ModelRuntime.class);

  private final Device device;
  private final MixedPrecision precision;
  private final Graph graph;
  private final Ops ops;
  private final VariableStore variables;
  private Session session;

  private ModelRuntime(Device device, MixedPrecision precision, long seed) {
    this.device = device;
    this.precision = precision;
    this.graph = new Graph();
    this.ops = Ops.create(graph).withDevice(device.spec());
    this.variables = new VariableStore(ops, seed);
  }

  /**
   * Opens a runtime on {@code device}, with {@code seed} (non-zero) for every random initializer.
   *
   * @throws IllegalArgumentException when the device is not one the runtime sees; the message lists
   *     the devices it does see
   */
  public static ModelRuntime open(Device device, long seed) {
    return open(device, seed, Precision.FP32);
  }

  /**
   * Opens a runtime on {@code device} that computes in {@code precision} where the hardware has
   * it (see {@link MixedPrecision}; the log says what was chosen and why).
   *
   * @throws IllegalArgumentException when the device is not one the runtime sees
   */
  public static ModelRuntime open(Device device, long seed, Precision precision) {
    if (seed == 0) {
      throw new IllegalArgumentException("seed must be non-zero (0 means 'random' to TensorFlow)");
    }
    List<DeviceInventory.DeviceInfo> seen = DeviceInventory.list();
    if (!DeviceInventory.contains(seen, device)) {
      throw new IllegalArgumentException(
          "device " + device + " is not available; TensorFlow sees: "
              + seen.stream().map(DeviceInventory.DeviceInfo::name).collect(Collectors.joining(", "))
              + (device.kind() == Device.Kind.GPU
                  ? " (a GPU needs the gpu Maven profile and CUDA 12 / cuDNN libraries on the host)"
                  : ""));
    }
    logStart(device, seen);
    MixedPrecision resolved = MixedPrecision.resolve(precision, device);
    if (precision != Precision.FP32) {
      LOG.info("precision {}: {}", precision.key(), resolved.reason());
    }
    return new ModelRuntime(device, resolved, seed);
  }

  private static void logStart(Device device, List<DeviceInventory.DeviceInfo> seen) {
    LOG.info(
        "TensorFlow {} on {}; devices: {}",
        TensorFlow.version(),
        device,
        seen.stream()
            .map(d -> d.name() + (d.memoryBytes() > 0 ? " (" + (d.memoryBytes() >> 20) + " MiB)" : ""))
            .collect(Collectors.joining(", ")));
    if (device.kind() == Device.Kind.GPU) {
      LOG.info("CUDA libraries loaded: {}", DeviceInventory.loadedCudaLibraries());
    }
  }

  /** The graph builder, placed on this runtime's device. */
  public Ops ops() {
    return ops;
  }

  /** The Keras-named variables of this graph. */
  public VariableStore variables() {
    return variables;
  }

  /** The graph. */
  public Graph graph() {
    return graph;
  }

  /** The device this graph is placed on. */
  public Device device() {
    return device;
  }

  /** The precision asked for and the one the graph computes in. */
  public MixedPrecision precision() {
    return precision;
  }

  /** The session, opened (and its variables initialised) on first use. */
  public synchronized Session session() {
    if (session == null) {
      // Soft placement only lets kernels without a GPU implementation run on the CPU; the device
      // itself was checked in open().
      ConfigProto config =
          precision.configure(ConfigProto.newBuilder().setAllowSoftPlacement(true)).build();
      session = new Session(graph, config);
      session.initialize();
    }
    return session;
  }

  /** The current values of {@code variables}, row-major, read in one {@code session.run}. */
  public List<float[]> values(List<ModelVariable> variables) {
    if (variables.isEmpty()) {
      return List.of();
    }
    Session.Runner runner = session().runner();
    variables.forEach(v -> runner.fetch(v.read()));
    List<float[]> out = new ArrayList<>(variables.size());
    try (Result r = runner.run()) {
      for (int i = 0; i < variables.size(); i++) {
        out.add(Tensors.values(r.get(i)));
      }
    }
    return out;
  }

  /**
   * Marks the graph complete: TF-Java builds its saver once, so variables added after a checkpoint
   * or export would be silently left out. After this, adding a variable is an error.
   */
  void seal() {
    variables.seal();
  }

  @Override
  public synchronized void close() {
    if (session != null) {
      session.close();
      session = null;
    }
    graph.close();
  }
}
