package dev.sommelier.tools.report;

import dev.sommelier.tasks.eval.RankErrors;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.style.BoxStyler;

/**
 * One box per true rank of the error {@code predicted - true}: the box spans the quartiles
 * (interpolated as numpy does, like the report's table), the bar in it is the median, the whiskers
 * reach the furthest error within 1.5 box lengths, errors beyond are crosses; a dashed line marks
 * zero error.
 */
final class RankErrorsChart {

  static final String FILE = "rank-errors.png";
  private static final int HEIGHT = 440;

  private RankErrorsChart() {}

  /** The figure of the errors of {@code values} for each rank of {@code ranks}. */
  static Figure figure(PredictedValues values, List<RankErrors> ranks, String part) {
    BoxChart chart = new BoxChartBuilder().width(Math.max(480, 160 + 90 * ranks.size()))
        .height(HEIGHT).title("Error per true rank (" + part + ")").xAxisTitle("True rank")
        .yAxisTitle("Predicted - true").build();
    BoxStyler styler = chart.getStyler();
    ChartPng.style(styler);
    styler.setBoxplotCalCulationMethod(BoxStyler.BoxplotCalCulationMethod.N_LESS_1_PLUS_1);
    styler.setLegendVisible(false);
    for (RankErrors r : ranks) {
      chart.addSeries(r.rank() + " (" + r.count() + ")", values.errorsOfRank(r.rank()));
    }
    chart.addAnnotation(new AnnotationLine(0, false, false));
    return new Figure(FILE, "Error per true rank", "For the " + part + " images of each true rank"
        + " (their number in brackets): the box spans the middle half of the errors, the bar in it"
        + " is the median, crosses are outliers; a box above the dashed zero line overestimates"
        + " that rank.",
        ChartPng.png(chart));
  }
}
