package dev.sommelier.spark;

import dev.sommelier.tasks.data.ImageDecodeException;
import dev.sommelier.tasks.data.ImageDecoder;
import dev.sommelier.tasks.data.RgbImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One partition of image rows through a model, a batch at a time: the images of a batch are read
 * and decoded on a per-JVM pool of decoder threads (the next batch's while the current one runs
 * through the model), the decoded ones go through the model together ({@link #answer}), and every
 * input row comes out once, in order, with the answer's columns and an {@code error} column. An
 * image that cannot be read or decoded becomes a row with its error and null answers; it never
 * fails the task. The model comes from {@link ExecutorModels}: loaded once per executor JVM, not
 * per partition. Rows are pulled lazily, two batches at a time, so a partition is never held
 * whole.
 */
abstract class ImageBatchFunction implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ImageBatchFunction.class);
  /**
   * Decodes images for every task of this JVM, a thread per core (daemon threads: they never
   * hold the JVM open), so decoding overlaps the model runs as the single-machine pipeline's
   * workers do.
   */
  private static final ExecutorService DECODERS = Executors.newFixedThreadPool(
      Runtime.getRuntime().availableProcessors(), r -> {
        Thread t = new Thread(r, "sommelier-decode");
        t.setDaemon(true);
        return t;
      });

  private final String model;
  private final int pathIndex;
  private final int batch;
  private final int columns;

  /**
   * @param model the model directory
   * @param pathIndex the index of the image path column in the input rows
   * @param batch images per model run
   * @param columns how many columns {@link #answer} gives per image
   */
  ImageBatchFunction(String model, int pathIndex, int batch, int columns) {
    if (batch < 1) {
      throw new IllegalArgumentException("the batch must hold at least 1 image, got " + batch);
    }
    this.model = model;
    this.pathIndex = pathIndex;
    this.batch = batch;
    this.columns = columns;
  }

  /**
   * The answer columns of decoded images, one array of {@code columns} values per image.
   *
   * @param model this executor's model
   * @param rows the images' input rows
   * @param images the decoded images, in the same order
   */
  abstract List<Object[]> answer(ExecutorModels.Loaded model, List<Row> rows,
      List<RgbImage> images) throws IOException;

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    return new Iterator<>() {
      private final Deque<Row> ready = new ArrayDeque<>();
      private List<Row> pendingRows;
      private List<CompletableFuture<Object>> pending;

      @Override
      public boolean hasNext() {
        if (ready.isEmpty() && pending == null && input.hasNext()) {
          pendingRows = take(input);
          pending = decodeLater(pendingRows);
        }
        if (ready.isEmpty() && pending != null) {
          List<Row> rows = pendingRows;
          List<Object> decoded = pending.stream().map(CompletableFuture::join).toList();
          // the next batch decodes on the pool while this one runs through the model
          pendingRows = input.hasNext() ? take(input) : null;
          pending = pendingRows == null ? null : decodeLater(pendingRows);
          ready.addAll(answerBatch(rows, decoded));
        }
        return !ready.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.poll();
      }
    };
  }

  private List<Row> take(Iterator<Row> input) {
    List<Row> rows = new ArrayList<>(batch);
    while (rows.size() < batch && input.hasNext()) {
      rows.add(input.next());
    }
    return rows;
  }

  /** Each row's image decoded on {@link #DECODERS}: an {@link RgbImage}, or the error text. */
  private List<CompletableFuture<Object>> decodeLater(List<Row> rows) {
    List<CompletableFuture<Object>> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      String path = row.isNullAt(pathIndex) ? null : row.getString(pathIndex);
      out.add(CompletableFuture.supplyAsync(() -> decode(path), DECODERS));
    }
    return out;
  }

  private static Object decode(String path) {
    try {
      if (path == null) {
        throw new ImageDecodeException("(null)", "the image path is null", null);
      }
      return ImageDecoder.decode(ImageFiles.read(path), path);
    } catch (ImageDecodeException | IOException | RuntimeException e) {
      String error = e instanceof ImageDecodeException ? e.getMessage()
          : "cannot read " + path + ": " + e;
      LOG.warn("skipped {}: {}", path, error);
      return error;
    }
  }

  private List<Row> answerBatch(List<Row> rows, List<Object> decoded) {
    List<Row> decodedRows = new ArrayList<>();
    List<RgbImage> images = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (decoded.get(i) instanceof RgbImage image) {
        images.add(image);
        decodedRows.add(rows.get(i));
      }
    }
    List<Object[]> answers;
    try {
      answers = images.isEmpty() ? List.of()
          : answer(ExecutorModels.get(model), decodedRows, images);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Row> out = new ArrayList<>(rows.size());
    int next = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row in = rows.get(i);
      Object[] values = Arrays.copyOf(toArray(in), in.size() + columns + 1);
      if (decoded.get(i) instanceof RgbImage) {
        System.arraycopy(answers.get(next++), 0, values, in.size(), columns);
      } else {
        values[in.size() + columns] = decoded.get(i);
      }
      out.add(RowFactory.create(values));
    }
    return out;
  }

  private static Object[] toArray(Row row) {
    Object[] v = new Object[row.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = row.get(i);
    }
    return v;
  }
}
