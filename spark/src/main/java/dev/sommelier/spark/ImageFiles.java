package dev.sommelier.spark;

import dev.sommelier.core.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads and writes files named the way Spark names them: a local path, a {@code file:} URI, or
 * any URI Hadoop's {@code FileSystem} reads ({@code hdfs:}, {@code s3a:}, ...). Local files go
 * through {@code java.nio}; the others through Hadoop's {@code FileSystem} and the executor's
 * Hadoop configuration.
 */
final class ImageFiles {

  /** The executor's Hadoop configuration (its {@code HADOOP_CONF_DIR}), read once. */
  private static final Configuration CONF = new Configuration();

  private ImageFiles() {}

  /** The bytes of the file at {@code location}. */
  static byte[] read(String location) throws IOException {
    Path local = local(location);
    if (local != null) {
      return Files.readAllBytes(local);
    }
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
    try (InputStream in = p.getFileSystem(CONF).open(p)) {
      return in.readAllBytes();
    }
  }

  /** Writes {@code data} to {@code location}, replacing what is there. */
  static void write(String location, byte[] data) throws IOException {
    Path local = local(location);
    if (local != null) {
      AtomicFiles.write(local, out -> out.write(data));
      return;
    }
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
    try (OutputStream out = p.getFileSystem(CONF).create(p, true)) {
      out.write(data);
    }
  }

  /** {@code parent/name}, in {@code parent}'s own form (a path or a URI). */
  static String child(String parent, String name) {
    return parent.endsWith("/") ? parent + name : parent + "/" + name;
  }

  /** The local path {@code location} names (a plain path or a {@code file:} URI), else null. */
  static Path local(String location) {
    int colon = location.indexOf(':');
    int slash = location.indexOf('/');
    boolean scheme = colon > 1 && (slash < 0 || colon < slash);
    if (!scheme) {
      return Path.of(location);
    }
    URI uri = URI.create(location.replace(" ", "%20"));
    return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
  }
}
