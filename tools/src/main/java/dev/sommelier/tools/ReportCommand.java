package dev.sommelier.tools;

import dev.sommelier.tasks.jobs.JobJson;
import dev.sommelier.tools.report.ReportFiles;
import dev.sommelier.tools.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sommelier report}: the HTML report of a training run, see {@link RunReport}. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Writes the report of a training run: DIR/report/index.html, one self-contained"
        + " page (settings, data, split, timings, final metrics, plots, Grad-CAM contact sheets"
        + " from DIR/explain), with the plots beside it as PNGs: training-curves.png, then"
        + " confusion-matrix.png, or predicted-vs-true.png and rank-errors.png. 'sommelier train'"
        + " writes it after every run; this command writes it again.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier report --run runs/shapes",
      "  sommelier report --run runs/shapes --json",
      "",
      "Grad-CAM contact sheets join the page when explain writes them into the run:",
      "  sommelier explain --model runs/shapes/model --images photos \\",
      "      --out runs/shapes/explain",
      "  sommelier report --run runs/shapes"
    })
final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--run", paramLabel = "DIR", required = true,
      description = "A training run's folder: the --out of 'sommelier train'.")
  Path run;

  @Option(names = "--json", description = "Print the files written as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    ReportFiles files = RunReport.write(run);
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Cli.printJson(o, JobJson.tree(files));
    } else {
      o.println("Report:  " + files.index());
      o.println("Plots:   " + String.join(", ",
          files.plots().stream().map(p -> p.getFileName().toString()).toList()));
      if (!files.contactSheets().isEmpty()) {
        o.println("Grad-CAM contact sheets: " + files.contactSheets().size() + " page(s)");
      }
    }
    o.flush();
    return 0;
  }
}
