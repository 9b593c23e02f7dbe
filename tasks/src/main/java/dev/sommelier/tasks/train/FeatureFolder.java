package dev.sommelier.tasks.train;

import dev.sommelier.core.AtomicFiles;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FeatureStore} in a folder: the features under a key live in {@code KEY.features},
 * written atomically, so runs one after another (and a comparison resumed after an interruption)
 * share them. Records every request ({@link #uses()}), so a caller can show how often the
 * backbone ran.
 */
public final class FeatureFolder implements FeatureStore {

  private static final Logger LOG = LoggerFactory.getLogger(FeatureFolder.class);
  private static final int MAGIC = 0x534d4631; // "SMF1"
  private static final String SUFFIX = ".features";

  private final Path dir;
  private final List<FeatureUse> uses = new ArrayList<>();

  /** A store in {@code dir}, created when the first features are stored. */
  public FeatureFolder(Path dir) {
    this.dir = dir;
  }

  @Override
  public synchronized FeatureArrays computeIfAbsent(String key, Supplier<FeatureArrays> compute) {
    if (!key.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("a feature key is letters, digits, '_', '.', '-': " + key);
    }
    Path file = dir.resolve(key + SUFFIX);
    long start = System.nanoTime();
    if (Files.isRegularFile(file)) {
      FeatureArrays stored = read(file);
      double seconds = (System.nanoTime() - start) / 1e9;
      uses.add(new FeatureUse(key, false, stored.n(), seconds));
      LOG.info("reused the backbone features of {} images from {} ({} s)", stored.n(), file,
          String.format("%.2f", seconds));
      return stored;
    }
    FeatureArrays computed = compute.get();
    uses.add(new FeatureUse(key, true, computed.n(), (System.nanoTime() - start) / 1e9));
    write(file, computed);
    return computed;
  }

  /** Every request so far, oldest first. */
  public synchronized List<FeatureUse> uses() {
    return List.copyOf(uses);
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  private static void write(Path file, FeatureArrays a) {
    try {
      AtomicFiles.write(file, out -> {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(a.n());
        data.writeInt(a.features().length / a.n());
        data.writeInt(a.targets().length / a.n());
        data.write(bytes(a.features()));
        data.write(bytes(a.targets()));
        data.flush();
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the features " + file + ": " + e.getMessage(),
          e);
    }
  }

  private static FeatureArrays read(Path file) {
    try (InputStream in = Files.newInputStream(file);
        DataInputStream data = new DataInputStream(in)) {
      if (data.readInt() != MAGIC) {
        throw new IllegalStateException(file + " is not a features file; delete it to compute"
            + " the features again");
      }
      int n = data.readInt();
      int per = data.readInt();
      int k = data.readInt();
      float[] features = floats(data, Math.multiplyExact(n, per));
      float[] targets = floats(data, Math.multiplyExact(n, k));
      return new FeatureArrays(features, targets, n);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the features " + file + " (" + e.getMessage()
          + "); delete it to compute the features again", e);
    }
  }

  private static byte[] bytes(float[] values) {
    ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(values.length, Float.BYTES))
        .order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return b.array();
  }

  private static float[] floats(DataInputStream data, int count) throws IOException {
    byte[] raw = new byte[Math.multiplyExact(count, Float.BYTES)];
    data.readFully(raw);
    float[] values = new float[count];
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }
}
