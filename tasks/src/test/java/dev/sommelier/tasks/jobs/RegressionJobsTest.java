package dev.sommelier.tasks.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.RankImages;
import dev.sommelier.tasks.eval.RankReport;
import dev.sommelier.tasks.eval.RegressionReport;
import dev.sommelier.tasks.jobs.evaluate.EvaluateJob;
import dev.sommelier.tasks.jobs.evaluate.EvaluateSettings;
import dev.sommelier.tasks.jobs.predict.PredictJob;
import dev.sommelier.tasks.jobs.predict.PredictResult;
import dev.sommelier.tasks.jobs.predict.PredictSettings;
import dev.sommelier.tasks.jobs.predict.PredictedImage;
import dev.sommelier.tasks.jobs.train.HeadOptions;
import dev.sommelier.tasks.jobs.train.TrainJob;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.model.InferenceOptions;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A regression run on generated rank images (3 ranks x 20, 32x32, values from {@code values.csv}):
 * the regression and rank reports, cut points tuned on validation and kept with the model, and the
 * same numbers again from {@link EvaluateJob} and ranks from {@link PredictJob}.
 */
class RegressionJobsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void aRegressorOnRankImagesReportsValuesAndTunedRanks() throws Exception {
    Path data = tmp.resolve("ranks");
    new RankImages(3, 20, 32, FileFormat.PNG, 4).writeTo(data);
    DataSource source = DataSource.csvValues(data.resolve(RankImages.VALUES_CSV));
    TrainSettings s = TrainSettings.builder(source, tmp.resolve("run"))
        .split(SplitRatios.parse("6:2:2")).seed(3).backbone("pixels").inputSize(16)
        .head(new HeadOptions("regressor", 0f, List.of(8), Pooling.FLATTEN)).scope(TrainScope.ALL)
        .optimizer(OptimizerKind.ADAM).learningRate(0.003f).epochs(3).batchSize(12).workers(2)
        .build();
    assertEquals(TaskKind.REGRESSION, s.task());
    TrainResult trained = new TrainJob(s).run();

    EvaluationReport e = trained.evaluation();
    assertEquals("test", e.part());
    assertNull(e.classification());
    RegressionReport regression = e.regression();
    assertEquals(12, regression.samples());
    assertTrue(Double.isFinite(regression.mae()) && regression.mae() >= 0, regression.toString());
    RankReport ranks = e.ranks();
    assertNotNull(ranks, "integer targets get a rank report");
    assertEquals(12, ranks.validationSamples());
    assertEquals(12, ranks.testSamples());
    assertEquals(1, ranks.thresholds().scale().min());
    assertEquals(3, ranks.thresholds().scale().max());
    assertEquals(2, ranks.thresholds().cutPoints().size());
    assertEquals(3, ranks.testErrors().size(), "every rank is in the test part");
    assertTrue(ranks.tunedAccuracy() >= 0 && ranks.tunedAccuracy() <= 1);
    assertEquals(4, Files.readAllLines(trained.epochsCsv(), StandardCharsets.UTF_8).size());

    JsonNode info = JSON.readTree(trained.model().resolve("model.json").toFile()).get("info");
    assertEquals(2, info.get("rankThresholds").get("cutPoints").size());
    assertEquals(20, info.get("data").get("counts").get("2").asInt());
    JsonNode report = JSON.readTree(trained.report().toFile());
    assertEquals(regression.mae(),
        report.get("evaluation").get("regression").get("mae").asDouble());
    assertTrue(report.get("evaluation").has("ranks"));

    // the graph training evaluated with gives the same report to the last bit; the frozen graph
    // (evaluate's default) the same within float rounding
    EvaluationReport again = new EvaluateJob(EvaluateSettings.builder(trained.model(), source,
        tmp.resolve("eval")).part(EvaluateSettings.Part.TEST).workers(2)
        .inference(InferenceOptions.DEFAULT.withFrozen(false)).build()).run().evaluation();
    assertEquals(regression, again.regression());
    assertEquals(ranks, again.ranks());
    EvaluationReport frozen = new EvaluateJob(EvaluateSettings.builder(trained.model(), source,
        tmp.resolve("eval-frozen")).part(EvaluateSettings.Part.TEST).workers(2).build()).run()
        .evaluation();
    assertEquals(regression.mae(), frozen.regression().mae(), 1e-6);
    assertEquals(regression.rmse(), frozen.regression().rmse(), 1e-6);
    assertEquals(ranks.tunedAccuracy(), frozen.ranks().tunedAccuracy());

    PredictResult predicted = new PredictJob(PredictSettings.of(trained.model(),
        List.of(data.resolve("3_0000.png")), tmp.resolve("predict"))).run();
    PredictedImage p = predicted.predictions().get(0);
    assertNull(p.classes());
    assertEquals(ranks.thresholds().rank(p.value()), p.rank());
    List<String> csv = Files.readAllLines(predicted.csv(), StandardCharsets.UTF_8);
    assertEquals("file,value,rank", csv.get(0));
    assertEquals(data.resolve("3_0000.png") + "," + p.value() + "," + p.rank(), csv.get(1));
  }
}
