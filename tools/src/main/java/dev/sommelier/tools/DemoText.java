package dev.sommelier.tools;

import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tools.demo.DemoResult;
import dev.sommelier.tools.demo.DemoRun;
import dev.sommelier.tools.demo.DemoTraining;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code sommelier demo} prints: the data, the runs side by side, then the demo model's test.
 */
final class DemoText {

  private DemoText() {}

  /** Prints {@code r} for a reader. */
  static void print(PrintWriter o, DemoResult r) {
    TrainResult t = r.model().train();
    Map<String, Integer> split = t.split();
    o.printf(Locale.ROOT, "Demo: %s on %d drawn images of %sx%s (train %d, validation %d, test"
            + " %d), %s, %.0f s in all%n", t.settings().get("task"), t.data().samples(),
        t.settings().get("inputSize"), t.settings().get("inputSize"), split.get("train"),
        split.get("validation"), split.get("test"), DemoRun.BACKBONE, r.seconds());
    o.println();
    List<DemoTraining> runs = new ArrayList<>();
    runs.add(r.model());
    if (r.scratch() != null) {
      runs.add(r.scratch());
    }
    table(runs).forEach(o::println);
    o.println();
    String from = title(r.model());
    o.println(from.substring(0, 1).toUpperCase(Locale.ROOT) + from.substring(1) + ":");
    EvaluationText.print(o, t.evaluation());
    o.println();
    o.println("Report:  " + r.model().report().toAbsolutePath());
    if (r.scratch() != null) {
      o.println("Scratch: " + r.scratch().report().toAbsolutePath());
    }
    o.println("Model:   " + t.model());
    o.println("Maps:    " + r.model().explain().out());
  }

  /** One column per run, one row per number. */
  private static List<String> table(List<DemoTraining> runs) {
    List<String> header = new ArrayList<>(List.of(""));
    runs.forEach(d -> header.add(title(d)));
    TextTable table = new TextTable(header.toArray(String[]::new));
    row(table, runs, "Training", d -> training(d.train()));
    boolean classes = runs.get(0).train().evaluation().classification() != null;
    if (classes) {
      row(table, runs, "Test accuracy", d -> number(d.train().evaluation().classification()
          .accuracy()));
      row(table, runs, "Test macro F1", d -> number(d.train().evaluation().classification()
          .macroF1()));
      row(table, runs, "Grad-CAM peak on the logo", d -> d.peaksOnLogo() + " of "
          + d.explain().images().size());
    } else {
      row(table, runs, "Test MAE (ranks)", d -> number(d.train().evaluation().regression()
          .mae()));
      row(table, runs, "Test R2", d -> number(d.train().evaluation().regression().r2()));
      row(table, runs, "Test rank accuracy", d -> d.train().evaluation().ranks() == null ? "-"
          : number(d.train().evaluation().ranks().tunedAccuracy()));
    }
    row(table, runs, "Time", d -> String.format(Locale.ROOT, "%.0f s", d.seconds()));
    List<String> lines = new ArrayList<>();
    lines.add(table.headerLine());
    lines.addAll(table.bodyLines());
    return lines;
  }

  private static void row(TextTable table, List<DemoTraining> runs, String name,
      Function<DemoTraining, String> cell) {
    List<String> cells = new ArrayList<>(List.of(name));
    runs.forEach(d -> cells.add(cell.apply(d)));
    table.row(cells.toArray(String[]::new));
  }

  /** {@code from ImageNet}, {@code from scratch} or {@code from FILE}. */
  private static String title(DemoTraining d) {
    return switch (d.start()) {
      case "imagenet" -> "from ImageNet";
      case "none" -> "from scratch";
      default -> "from " + d.start();
    };
  }

  /** {@code head 10 + last-4 10 epochs} or {@code all 20 epochs}. */
  private static String training(TrainResult t) {
    Object fineTune = t.settings().get("fineTune");
    String first = t.settings().get("scope") + " " + t.settings().get("epochs");
    if (fineTune == null) {
      return first + " epochs";
    }
    String[] f = fineTune.toString().split(":");
    return first + " + " + f[0] + " " + f[1] + " epochs";
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
