package dev.sommelier.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.pipeline.BatchPipeline;
import dev.sommelier.tasks.data.source.ClassFolders;
import dev.sommelier.tasks.data.split.DataSplits;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskModel;
import dev.sommelier.tasks.predict.HeatMap;
import dev.sommelier.tasks.predict.Prediction;
import dev.sommelier.tasks.predict.Predictor;
import dev.sommelier.tasks.train.LearningRateSchedule;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.PipelineBatchSource;
import dev.sommelier.tasks.train.ProgressLog;
import dev.sommelier.tasks.train.TrainScope;
import dev.sommelier.tasks.train.Trainer;
import dev.sommelier.tasks.train.TrainingConfig;
import dev.sommelier.tasks.train.TrainingPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example, compiled and run so that it cannot rot. Keep the two in step. */
class ReadmeExampleTest {

  private static final String START = "// --- README example starts here ---\n";
  private static final String END = "    // --- README example ends here ---";

  @TempDir Path work;

  @Test
  void buildTrainPredictExport() throws Exception {
    Path photos = work.resolve("photos");
    ShapeImages.of(3, 20).writeTo(photos); // stands in for the user's photos/<class>/*.jpg
    Path out = work.resolve("run");

    // --- README example starts here ---
    DataSet data = ClassFolders.load(photos);
    DataSplits splits = DataSplits.stratified(data, SplitRatios.parse("6:4"), 42);
    ModelConfig config = new ModelConfig(
        "mobilenet_v1:alpha=0.25", 64, HeadSpec.softmax(data.classNames().size(), Pooling.GAP, 0.5f),
        data.classNames(), BatchNormMode.FROZEN, 42);
    TrainingConfig training = new TrainingConfig(
        List.of(new TrainingPhase(TrainScope.HEAD, OptimizerKind.ADAM, 0.001f, 2)),
        new LearningRateSchedule.Constant(), 0, true);
    try (TaskModel model = TaskModel.create(config, BackboneRegistry.load(), Device.CPU);
        BatchPipeline train = BatchPipeline.builder(splits.train().samples(), 16, 64, 64)
            .preprocessing(model.preprocessing()).shuffle(true).seed(42).build();
        BatchPipeline val = BatchPipeline.builder(splits.validation().samples(), 16, 64, 64)
            .preprocessing(model.preprocessing()).build()) {
      new Trainer(model, training)
          .listen(new ProgressLog(10))
          .fit(new PipelineBatchSource(train, splits.train().size(), config.output()),
              new PipelineBatchSource(val, splits.validation().size(), config.output()),
              out);
      ModelStore.save(model, out.resolve("model"), Map.of("data", photos.toString()));
      ModelStore.exportSavedModel(model, out.resolve("saved_model"));
    }
    try (Predictor predictor = Predictor.load(out.resolve("model"), Device.CPU)) {
      Prediction p = predictor.predict(photos.resolve("circle").resolve("circle_0000.png"));
      System.out.println(p.top().name() + " " + p.top().probability());
      HeatMap why = predictor.explain(photos.resolve("circle").resolve("circle_0001.png"));
      ImageIO.write(why.overlay(), "png", out.resolve("why.png").toFile());
      System.out.println(why.prediction().top().name() + " peak at " + why.peak());
    }
    // --- README example ends here ---

    assertTrue(Files.isRegularFile(out.resolve("model/model.json")));
    assertTrue(Files.isRegularFile(out.resolve("saved_model/saved_model.pb")));
    assertEquals(List.of("circle", "square", "triangle"), data.classNames());
    assertEquals(64, ImageIO.read(out.resolve("why.png").toFile()).getWidth());
  }

  @Test
  void theReadmeShowsExactlyThisExample() throws Exception {
    String source = Files.readString(Path.of("src/test/java/dev/sommelier/tasks/ReadmeExampleTest.java"));
    String readme = Files.readString(Path.of("../README.md"));
    String example = source.substring(source.indexOf(START) + START.length(), source.lastIndexOf(END));
    String dedented = example.lines().map(l -> l.length() >= 4 ? l.substring(4) : l.strip())
        .filter(l -> !l.isBlank()).map(l -> l.replaceAll("\\s*// .*$", ""))
        .collect(Collectors.joining("\n"));
    int block = readme.indexOf("```java\nDataSet data");
    assertTrue(block >= 0, "README has the example's code block");
    String shown = readme.substring(block + "```java\n".length(), readme.indexOf("```", block + 7))
        .lines().map(l -> l.replaceAll("\\s*// .*$", "")).filter(l -> !l.isBlank())
        .collect(Collectors.joining("\n"));
    assertEquals(dedented, shown, "README.md's Java example and this test differ (comments aside)");
  }
}
