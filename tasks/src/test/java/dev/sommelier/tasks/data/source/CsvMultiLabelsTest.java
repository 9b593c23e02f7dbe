package dev.sommelier.tasks.data.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.Sample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CsvMultiLabels}: the wide form (a 0/1 column per label) and its bad rows. */
class CsvMultiLabelsTest {

  @TempDir Path tmp;

  @BeforeEach
  void images() throws Exception {
    for (String name : List.of("a.png", "b.png", "c.png", "d.png")) {
      Files.write(tmp.resolve(name), new byte[] {1});
    }
  }

  @Test
  void theWideFormGivesEachRowTheLabelsOfItsOnes() throws Exception {
    Path csv = write("file,worn,leaking,label10,label2\n"
        + "a.png,1,0,0,1\n"
        + "b.png,0,0,0,0\n"
        + "c.png,1,1,1,0\n");
    CsvMultiLabels.Loaded loaded = CsvMultiLabels.read(csv);
    assertEquals(List.of(), loaded.problems());
    DataSet data = loaded.data();
    assertEquals(DataSet.Kind.LABELS, data.kind());
    // Natural order: label2 before label10; a sample's labels in that order.
    assertEquals(List.of("label2", "label10", "leaking", "worn"), data.classNames());
    assertEquals(List.of(List.of("label2", "worn"), List.of(), List.of("label10", "leaking",
        "worn")), data.samples().stream().map(s -> names(s, data)).toList());
    assertEquals(tmp.resolve("c.png").toString(), data.samples().get(2).id());
  }

  @Test
  void badWideRowsAreReportedByLineNumberAndLeftOut() throws Exception {
    Path csv = write("file,worn,leaking\n"
        + "a.png,1,0\n"
        + "missing.png,1,1\n"
        + ",0,1\n"
        + "b.png,1\n"
        + "c.png,yes,0\n"
        + "\n"
        + "d.png,0,1\n");
    CsvMultiLabels.Loaded loaded = CsvMultiLabels.read(csv);
    List<String> p = loaded.problems();
    assertEquals(4, p.size(), p.toString());
    assertTrue(p.get(0).startsWith("labels.csv line 3: no file missing.png"), p.get(0));
    assertTrue(p.get(1).startsWith("labels.csv line 4: the file name is empty"), p.get(1));
    assertTrue(p.get(2).startsWith("labels.csv line 5: expected 3 columns (file and 2 labels),"
        + " got 2"), p.get(2));
    assertTrue(p.get(3).startsWith("labels.csv line 6: label worn is 'yes', not 0 or 1"),
        p.get(3));
    DataSet data = loaded.data();
    assertEquals(List.of(tmp.resolve("a.png").toString(), tmp.resolve("d.png").toString()),
        data.samples().stream().map(Sample::id).toList());
    assertEquals(List.of(List.of("worn"), List.of("leaking")),
        data.samples().stream().map(s -> names(s, data)).toList());
  }

  @Test
  void aWideHeaderThatNamesALabelTwiceIsRefusedWithTheFileAndLine() throws Exception {
    Path csv = write("file,worn,worn\na.png,1,0\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CsvMultiLabels.read(csv));
    assertTrue(e.getMessage().contains("labels.csv line 1: a wide header names each label"
        + " column once"), e.getMessage());
  }

  private Path write(String text) throws Exception {
    Path csv = tmp.resolve("labels.csv");
    Files.writeString(csv, text, StandardCharsets.UTF_8);
    return csv;
  }

  private static List<String> names(Sample s, DataSet data) {
    return s.labels().stream().map(data.classNames()::get).toList();
  }
}
