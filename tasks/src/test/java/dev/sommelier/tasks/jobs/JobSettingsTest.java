package dev.sommelier.tasks.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.core.Device;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.split.DataSplits;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.RankImages;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import dev.sommelier.tasks.jobs.evaluate.EvaluateSettings;
import dev.sommelier.tasks.jobs.train.FineTune;
import dev.sommelier.tasks.jobs.train.HeadOptions;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.train.LearningRateSchedule;
import dev.sommelier.tasks.train.OptimizerKind;
import dev.sommelier.tasks.train.TrainScope;
import dev.sommelier.tasks.train.TrainingConfig;
import dev.sommelier.tasks.train.TrainingPhase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings, their defaults and the checks that need no graph. */
class JobSettingsTest {

  @TempDir Path tmp;

  private TrainSettings.Builder builder(DataSource data) {
    return TrainSettings.builder(data, tmp.resolve("out"));
  }

  @Test
  void trainingDefaultsAreTheDocumentedOnes() {
    TrainSettings s = builder(DataSource.folder(tmp)).build();
    assertEquals(TaskKind.CLASSIFICATION, s.task());
    assertEquals(SplitRatios.of(6, 4), s.split());
    assertEquals(42, s.seed());
    assertEquals("mobilenet_v1", s.backbone());
    assertEquals(192, s.inputSize());
    assertEquals(new HeadOptions("softmax", 0.5f, List.of(), Pooling.GAP), s.head());
    assertEquals(OptimizerKind.SGD, s.optimizer());
    assertEquals(0.001f, s.learningRate());
    assertEquals(new LearningRateSchedule.Constant(), s.schedule());
    assertEquals(32, s.batchSize());
    assertEquals(TrainScope.HEAD, s.scope());
    assertNull(s.fineTune());
    assertEquals(BatchNormMode.FROZEN, s.batchNorm());
    assertEquals(512, s.preciseBn());
    assertEquals(512, s.trainingConfig().preciseBnImages());
    assertEquals(AugmentationConfig.NONE, s.augmentation());
    assertEquals(0, s.patience());
    assertEquals(Device.CPU, s.device());
    assertEquals(1, s.trainingConfig().phases().size());
  }

  @Test
  void inputSizeDefaultsPerBackbone() {
    assertEquals(197, TrainSettings.defaultInputSize("resnet50"));
    assertEquals(192, TrainSettings.defaultInputSize("mobilenet_v1:alpha=0.25"));
    assertEquals(28, TrainSettings.defaultInputSize("pixels"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainSettings.defaultInputSize("vgg16"));
    assertTrue(e.getMessage().contains("vgg16") && e.getMessage().contains("resnet50"),
        e.getMessage());
    assertEquals(197, builder(DataSource.folder(tmp)).backbone("resnet50").build().inputSize());
    assertEquals(64, builder(DataSource.folder(tmp)).inputSize(64).build().inputSize());
  }

  @Test
  void valuesDefaultToRegressionWithTheRegressorHead() {
    TrainSettings s = builder(DataSource.csvValues(tmp.resolve("v.csv"))).build();
    assertEquals(TaskKind.REGRESSION, s.task());
    assertEquals(HeadSpec.regressor(8, Pooling.GAP), s.head().spec(s.task(), 0));
    assertEquals(List.of(128), HeadOptions.of("mlp").spec(TaskKind.REGRESSION, 0).hidden());
    assertEquals(HeadSpec.softmax(4, Pooling.GAP, 0.5f),
        HeadOptions.defaultFor(TaskKind.CLASSIFICATION).spec(TaskKind.CLASSIFICATION, 4));
  }

  @Test
  void twoPhaseTrainingFineTunesTheLastBlocksAtATenthOfTheRate() {
    TrainSettings s = builder(DataSource.folder(tmp)).learningRate(0.01f).epochs(3)
        .fineTune(FineTune.parse("last-2:4")).schedule(LearningRateSchedule.parse("step:5:0.1"))
        .patience(2).build();
    TrainingConfig c = s.trainingConfig();
    assertEquals(List.of(
        new TrainingPhase(TrainScope.HEAD, OptimizerKind.SGD, 0.01f, 3),
        new TrainingPhase(TrainScope.lastBlocks(2), OptimizerKind.SGD, 0.01f / 10, 4)), c.phases());
    assertEquals(2, c.earlyStoppingPatience());
    Map<String, Object> d = s.describe();
    assertEquals("last-2:4", d.get("fineTune"));
    assertEquals("step:5:0.1", d.get("schedule"));
    assertEquals("6:4", d.get("split"));
    assertEquals("head", d.get("scope"));
    assertEquals("cpu", d.get("device"));
    assertEquals("none", d.get("augment"));
    FineTune slow = FineTune.parse("all:2:1e-4");
    assertEquals(new FineTune(TrainScope.ALL, 2, 1e-4f), slow);
    assertEquals(FineTune.parse(slow.toString()), slow);
    assertEquals(new TrainingPhase(TrainScope.ALL, OptimizerKind.SGD, 1e-4f, 2),
        builder(DataSource.folder(tmp)).fineTune(slow).build().trainingConfig().phases().get(1));
  }

  @Test
  void theAugmentationIsDescribedAsTheSpecThatReadsItBack() {
    AugmentationConfig a = AugmentationConfig.parse("default,cutout:0.2@0.25");
    TrainSettings s = builder(DataSource.folder(tmp)).augmentation(a).build();
    assertEquals(a, s.augmentation());
    assertEquals("flip,affine,brightness,contrast,cutout:0.2@0.25", s.describe().get("augment"));
    assertEquals(a, AugmentationConfig.parse((String) s.describe().get("augment")));
  }

  @Test
  void settingsThatDoNotFitTogetherAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> builder(DataSource.folder(tmp))
        .scope(TrainScope.ALL).fineTune(FineTune.parse("last-2:4")).build());
    assertThrows(IllegalArgumentException.class, () -> FineTune.parse("last-2"));
    assertThrows(IllegalArgumentException.class, () -> FineTune.parse("head:3"));
    assertThrows(IllegalArgumentException.class, () -> FineTune.parse("last-2:3:0"));
    assertThrows(IllegalArgumentException.class, () -> FineTune.parse("last-2:3:fast"));
    assertThrows(IllegalArgumentException.class, () -> FineTune.parse("last-2:3:0.1:4"));
    IllegalArgumentException oneSplit = assertThrows(IllegalArgumentException.class,
        () -> builder(DataSource.folder(tmp)).split(SplitRatios.parse("1")).build());
    assertTrue(oneSplit.getMessage().contains("validation"), oneSplit.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> builder(DataSource.splitFolders(tmp)).split(SplitRatios.parse("6:4")).build());
    assertNull(builder(DataSource.splitFolders(tmp)).build().split());
    assertThrows(IllegalArgumentException.class,
        () -> builder(DataSource.folder(tmp)).epochs(0).build());
    assertThrows(IllegalArgumentException.class,
        () -> new DataSource(DataSource.Kind.CSV_CLASSES, List.of(tmp), tmp.resolve("names.txt")));
  }

  @Test
  void headsMustFitTheTask() {
    assertThrows(IllegalArgumentException.class,
        () -> HeadOptions.of("softmax").spec(TaskKind.REGRESSION, 0));
    assertThrows(IllegalArgumentException.class,
        () -> HeadOptions.of("regressor").spec(TaskKind.CLASSIFICATION, 3));
    assertThrows(IllegalArgumentException.class,
        () -> new HeadOptions("mlp", 0.5f, List.of(), Pooling.GAP));
    assertThrows(IllegalArgumentException.class,
        () -> new HeadOptions("regressor", 0.5f, List.of(), Pooling.GAP));
    assertThrows(IllegalArgumentException.class, () -> HeadOptions.of("svm"));
  }

  @Test
  void aMissingDataFolderIsNamed() {
    Path missing = tmp.resolve("no-such-folder");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DataSource.folder(missing).load());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> DataSource.csvValues(tmp.resolve("none.csv")).load());
  }

  @Test
  void numberedClassesBecomeValuesForRegression() throws Exception {
    new RankImages(3, 2, 16, FileFormat.PNG, 1).writeTo(tmp);
    DataSet classes = DataSource.fileNames(tmp, null).load();
    assertEquals(List.of("1", "2", "3"), classes.classNames());
    DataSet values = Targets.forTask(classes, TaskKind.REGRESSION);
    assertEquals(DataSet.Kind.VALUES, values.kind());
    assertEquals(List.of(1f, 1f, 2f, 2f, 3f, 3f),
        values.samples().stream().map(Sample::value).toList());
    assertEquals(values, Targets.forTask(values, TaskKind.REGRESSION));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Targets.forTask(values, TaskKind.CLASSIFICATION));
    assertTrue(e.getMessage().contains("values"), e.getMessage());
  }

  @Test
  void namedClassesCannotBeValues() throws Exception {
    ShapeImages.of(2, 1).withSize(16).writeTo(tmp);
    DataSet shapes = DataSource.folder(tmp).load();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Targets.forTask(shapes, TaskKind.REGRESSION));
    assertTrue(e.getMessage().contains("[circle, square]"), e.getMessage());
  }

  @Test
  void givenFoldersKeepTheirParts() throws Exception {
    ShapeImages shapes = new ShapeImages(2, 3, 16, FileFormat.PNG, Layout.CLASS_FOLDERS, 1);
    shapes.writeTo(tmp.resolve("train"));
    ShapeImages.of(2, 2).withSize(16).writeTo(tmp.resolve("val"));
    ShapeImages.of(2, 1).withSize(16).writeTo(tmp.resolve("test"));
    DataSource source = DataSource.splitFolders(tmp);
    DataSet all = source.load();
    assertEquals(12, all.size());
    DataSplits parts = source.split(all, null, 0);
    assertEquals(6, parts.train().size());
    assertEquals(4, parts.validation().size());
    assertEquals(2, parts.test().size());
    assertTrue(parts.test().samples().get(0).id().contains("test"));
  }

  @Test
  void partsParseByName() {
    assertEquals(EvaluateSettings.Part.VALIDATION, EvaluateSettings.Part.parse("val"));
    assertEquals(EvaluateSettings.Part.TEST, EvaluateSettings.Part.parse("Test"));
    assertThrows(IllegalArgumentException.class, () -> EvaluateSettings.Part.parse("holdout"));
  }
}
