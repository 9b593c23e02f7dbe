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
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One partition of image rows through a model, a batch at a time: each row's image is read and
 * decoded in the task, the decoded ones of a batch go through the model together ({@link
 * #answer}), and every input row comes out once, in order, with the answer's columns and an
 * {@code error} column. An image that cannot be read or decoded becomes a row with its error and
 * null answers; it never fails the task. The model comes from {@link ExecutorModels}: loaded once
 * per executor JVM, not per partition. Rows are pulled lazily, so a partition is never held whole.
 */
abstract class ImageBatchFunction implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ImageBatchFunction.class);

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

      @Override
      public boolean hasNext() {
        if (ready.isEmpty() && input.hasNext()) {
          ready.addAll(nextBatch(input));
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

  private List<Row> nextBatch(Iterator<Row> input) {
    List<Row> rows = new ArrayList<>(batch);
    while (rows.size() < batch && input.hasNext()) {
      rows.add(input.next());
    }
    String[] errors = new String[rows.size()];
    List<Row> decodedRows = new ArrayList<>();
    List<RgbImage> images = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String path = rows.get(i).isNullAt(pathIndex) ? null : rows.get(i).getString(pathIndex);
      try {
        if (path == null) {
          throw new ImageDecodeException("(null)", "the image path is null", null);
        }
        images.add(ImageDecoder.decode(ImageFiles.read(path), path));
        decodedRows.add(rows.get(i));
      } catch (ImageDecodeException | IOException | RuntimeException e) {
        errors[i] = e instanceof ImageDecodeException ? e.getMessage()
            : "cannot read " + path + ": " + e;
        LOG.warn("skipped {}: {}", path, errors[i]);
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
      if (errors[i] == null) {
        System.arraycopy(answers.get(next++), 0, values, in.size(), columns);
      } else {
        values[in.size() + columns] = errors[i];
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
