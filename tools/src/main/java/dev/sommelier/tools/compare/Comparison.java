package dev.sommelier.tools.compare;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.tasks.eval.McNemarTest;
import dev.sommelier.tasks.explain.pointing.ObjectBoxes;
import dev.sommelier.tasks.eval.WilsonInterval;
import dev.sommelier.tasks.jobs.EvaluationReport;
import dev.sommelier.tasks.jobs.JobJson;
import dev.sommelier.tasks.jobs.train.TrainJob;
import dev.sommelier.tasks.jobs.train.TrainResult;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tasks.model.TaskKind;
import dev.sommelier.tasks.train.EpochResult;
import dev.sommelier.tasks.train.FeatureFolder;
import dev.sommelier.tasks.train.FeatureUse;
import dev.sommelier.tasks.train.TrainingPhase;
import dev.sommelier.tools.bench.PeakMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the runs of a comparison one after another and gathers what they did. Every run is an
 * ordinary training run in its own folder; a run whose folder holds a finished run of the same
 * settings is not run again, an unfinished one resumes from its last checkpoint, so an
 * interrupted comparison continues where it stopped. Head-only phases share backbone features
 * through {@code OUT/compare/features} ({@link FeatureFolder}). Afterwards each run's cost,
 * evaluation (read back from its {@code report.json}), accuracy interval, McNemar's test for every
 * two runs and, with {@link #explain}, their explanations of the same test images (scored by the
 * pointing game where {@link #boxes} are given) are collected and written to {@code
 * OUT/compare/comparison.json}.
 */
public final class Comparison {

  /** The comparison's own folder inside its output folder. */
  public static final String FOLDER = "compare";
  /** The result's file name inside {@link #FOLDER}. */
  public static final String JSON_FILE = "comparison.json";

  private static final Logger LOG = LoggerFactory.getLogger(Comparison.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final String RUNS = "runs";
  private static final String REPORT = "report.json";
  /** Settings that change how fast a run goes, not what it computes: resuming may change them. */
  private static final Set<String> HOW_NOT_WHAT = Set.of("workers", "device");

  private final Path out;
  private final List<PlannedRun> runs;
  private int explain;
  private ObjectBoxes boxes = ObjectBoxes.none();
  private ComparisonListener listener = new ComparisonListener() {};
  private volatile boolean stopRequested;

  /**
   * A comparison of {@code runs}, which must share data, split and seed, in {@code out}.
   *
   * @throws IllegalArgumentException for fewer than two runs, repeated names, runs that differ in
   *     data, split, seed or task, or a run folder outside {@code out/NAME}
   */
  public Comparison(Path out, List<PlannedRun> runs) {
    this.out = out;
    this.runs = List.copyOf(runs);
    check();
  }

  /** Explains {@code images} test images with every run, side by side (default 0, none). */
  public Comparison explain(int images) {
    if (images < 0) {
      throw new IllegalArgumentException("images to explain must be >= 0, got " + images);
    }
    this.explain = images;
    return this;
  }

  /**
   * Scores each explained image's map by whether its peak falls inside the image's box (the
   * pointing game; default none).
   */
  public Comparison boxes(ObjectBoxes objectBoxes) {
    this.boxes = Objects.requireNonNull(objectBoxes, "objectBoxes");
    return this;
  }

  /** Tells {@code l} which run starts and how each trains (default: no one). */
  public Comparison listen(ComparisonListener l) {
    this.listener = Objects.requireNonNull(l, "l");
    return this;
  }

  /**
   * Lets the run in training finish, then ends {@link #run()} with a {@link
   * ComparisonStoppedException} instead of training the next run. Safe to call from any thread.
   */
  public void stopBeforeNextRun() {
    stopRequested = true;
  }

  /** The runs, in order. */
  public List<PlannedRun> runs() {
    return runs;
  }

  /**
   * Trains what is not trained yet, then gathers and writes the result.
   *
   * @throws IllegalArgumentException when a run folder holds a finished run of other settings
   * @throws ComparisonStoppedException when {@link #stopBeforeNextRun()} stopped it first
   * @throws IOException when data or run files cannot be read or written
   */
  public ComparisonResult run() throws IOException {
    Path dir = out.resolve(FOLDER);
    FeatureFolder features = new FeatureFolder(dir.resolve("features"));
    BackboneRegistry registry = BackboneRegistry.load();
    for (int i = 0; i < runs.size(); i++) {
      PlannedRun r = runs.get(i);
      boolean done = finished(r);
      if (!done && stopRequested) {
        throw new ComparisonStoppedException(i, runs.size(), r.name());
      }
      listener.onRunStart(i, runs.size(), r, done);
      if (done) {
        LOG.info("run {} ({} of {}) finished earlier in {}: not run again", r.name(), i + 1,
            runs.size(), r.settings().out());
        continue;
      }
      LOG.info("run {} ({} of {}): {} into {}", r.name(), i + 1, runs.size(),
          r.settings().backbone(), r.settings().out());
      int before = features.uses().size();
      PeakMemory.reset();
      new TrainJob(r.settings()).shareFeatures(features).listen(listener).run();
      List<FeatureUse> uses = features.uses().subList(before, features.uses().size());
      OptionalLong peak = PeakMemory.bytes();
      JobJson.write(dir.resolve(RUNS).resolve(r.name() + ".json"),
          new RunRecord(peak.isPresent() ? peak.getAsLong() : null, uses));
    }
    listener.onRunsTrained();
    List<ComparedRun> compared = gather(dir, registry);
    List<String> ids = testIds();
    List<RunPair> pairs = pairs(compared, ids);
    List<Path> images = ExplainedImages.pick(ids, explain);
    warnWithoutBoxes(images);
    List<RunExplanations> explanations = ExplainedImages.explain(runs, images,
        dir.resolve("explain"), boxes);
    TrainSettings first = runs.get(0).settings();
    TrainResult firstResult = readReport(first.out());
    ComparisonResult result = new ComparisonResult(out, dir.resolve(JSON_FILE),
        first.data().toString(), firstResult.split(), first.seed(),
        firstResult.evaluation().part(), firstResult.evaluation().samples(), compared, pairs,
        images, ExplainedImages.trueClasses(images), boxes.file(), explanations,
        features.uses());
    JobJson.write(result.json(), result);
    return result;
  }

  private void warnWithoutBoxes(List<Path> images) {
    if (boxes.file() != null && !images.isEmpty()
        && images.stream().allMatch(i -> boxes.of(i).isEmpty())) {
      LOG.warn("none of the {} explained images has a box in {} (paths are relative to its"
          + " folder): no pointing game", images.size(), boxes.file());
    }
  }

  private void check() {
    if (runs.size() < 2) {
      throw new IllegalArgumentException("a comparison needs at least two runs, got "
          + runs.size());
    }
    TrainSettings first = runs.get(0).settings();
    if (first.task() == TaskKind.MULTILABEL) {
      throw new IllegalArgumentException("compare ranks classifiers and regressors; multi-label runs"
          + " (" + runs.get(0).name() + ") are not compared yet: train them one by one with"
          + " 'sommelier train' and read each run's report");
    }
    List<String> names = new ArrayList<>();
    for (PlannedRun r : runs) {
      TrainSettings s = r.settings();
      if (names.contains(r.name())) {
        throw new IllegalArgumentException("two runs are named '" + r.name() + "'; names must"
            + " differ, each is a folder");
      }
      names.add(r.name());
      if (!s.out().equals(out.resolve(r.name()))) {
        throw new IllegalArgumentException("run '" + r.name() + "' writes to " + s.out()
            + ", not " + out.resolve(r.name()));
      }
      if (!s.data().equals(first.data()) || !Objects.equals(s.split(), first.split())
          || s.seed() != first.seed() || s.task() != first.task()) {
        throw new IllegalArgumentException("run '" + r.name() + "' differs from run '"
            + runs.get(0).name() + "' in data, split, seed or task; a fair comparison shares"
            + " them");
      }
    }
  }

  /**
   * Whether {@code r}'s folder holds a finished run of the same settings.
   *
   * @throws IllegalArgumentException when it holds a finished run of other settings
   */
  private static boolean finished(PlannedRun r) throws IOException {
    Path report = r.settings().out().resolve(REPORT);
    if (!Files.isRegularFile(report)) {
      return false;
    }
    JsonNode done = JSON.readTree(report.toFile()).path("settings");
    JsonNode planned = JobJson.tree(r.settings().describe());
    for (Iterator<Map.Entry<String, JsonNode>> it = planned.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (HOW_NOT_WHAT.contains(e.getKey())) {
        continue;
      }
      // as text: a seed read back is an int node, the planned one a long node
      if (!e.getValue().toString().equals(done.path(e.getKey()).toString())) {
        throw new IllegalArgumentException(r.settings().out() + " holds a finished run with"
            + " another " + e.getKey() + " (" + done.path(e.getKey()) + ", this comparison's run '"
            + r.name() + "' has " + e.getValue() + "); remove that folder, or give the comparison"
            + " another --out");
      }
    }
    return true;
  }

  private List<ComparedRun> gather(Path dir, BackboneRegistry registry) throws IOException {
    List<TrainResult> results = new ArrayList<>();
    for (PlannedRun r : runs) {
      results.add(readReport(r.settings().out()));
    }
    boolean classes = results.get(0).evaluation().classification() != null;
    int best = 0;
    for (int i = 1; i < results.size(); i++) {
      double h = headline(results.get(i).evaluation());
      double b = headline(results.get(best).evaluation());
      if (classes ? h > b : h < b) {
        best = i;
      }
    }
    List<ComparedRun> compared = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      PlannedRun r = runs.get(i);
      TrainSettings s = r.settings();
      TrainResult t = results.get(i);
      List<TrainingPhase> phases = s.trainingConfig().phases();
      RunCost cost = RunCost.of(t.model(), phases, registry);
      RunRecord record = readRecord(dir.resolve(RUNS).resolve(r.name() + ".json"));
      EvaluationReport e = t.evaluation();
      WilsonInterval interval = e.classification() == null ? null : WilsonInterval.of(
          (int) Math.round(e.classification().accuracy() * e.samples()), e.samples());
      compared.add(new ComparedRun(r.name(), s.out(), s.backbone(), s.backboneWeights().toString(),
          s.inputSize(), s.head().type(), phases.stream()
              .map(p -> p.scope() + " " + p.epochs()).collect(Collectors.joining(", ")),
          cost.totalParameters(), cost.trainedParameters(), cost.flopsPerImage(),
          t.epochs().stream().mapToDouble(EpochResult::seconds).sum(), t.seconds(),
          t.trainImagesPerSecond(), record == null ? null : record.peakMemoryBytes(), e, interval,
          i == best, t.epochs(), record == null ? List.of() : record.features()));
    }
    return compared;
  }

  /** The evaluated images' ids, which every run must share. */
  private List<String> testIds() throws IOException {
    List<String> ids = null;
    for (PlannedRun r : runs) {
      List<String> own = new ArrayList<>(TestAnswers.read(r.settings().out()).correct().keySet());
      if (ids != null && !ids.equals(own)) {
        throw new IllegalStateException("runs '" + runs.get(0).name() + "' and '" + r.name()
            + "' were evaluated on different images; their answers cannot be paired (were the"
            + " files changed between runs?)");
      }
      ids = own;
    }
    return ids;
  }

  private List<RunPair> pairs(List<ComparedRun> compared, List<String> ids) throws IOException {
    List<RunPair> pairs = new ArrayList<>();
    if (compared.get(0).evaluation().classification() == null) {
      return pairs;
    }
    List<boolean[]> answers = new ArrayList<>();
    for (PlannedRun r : runs) {
      answers.add(TestAnswers.read(r.settings().out()).on(ids));
    }
    for (int i = 0; i < runs.size(); i++) {
      for (int j = i + 1; j < runs.size(); j++) {
        pairs.add(new RunPair(runs.get(i).name(), runs.get(j).name(),
            McNemarTest.of(answers.get(i), answers.get(j))));
      }
    }
    return pairs;
  }

  private static double headline(EvaluationReport e) {
    return e.classification() != null ? e.classification().accuracy() : e.regression().mae();
  }

  private static TrainResult readReport(Path runDir) throws IOException {
    return JSON.readValue(runDir.resolve(REPORT).toFile(), TrainResult.class);
  }

  private static RunRecord readRecord(Path file) throws IOException {
    return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), RunRecord.class) : null;
  }

  /**
   * What a comparison records of a run beside its folder ({@code OUT/compare/runs/NAME.json}),
   * as the run folder itself does not hold it.
   *
   * @param peakMemoryBytes the process's peak resident memory while the run trained, or null
   * @param features the feature requests of the run
   */
  record RunRecord(Long peakMemoryBytes, List<FeatureUse> features) {}
}
