package dev.sommelier.heads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.layers.LayerGraph;
import dev.sommelier.core.layers.LayerInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Head#layers()} names the layers a head builds, as Keras names them: the list is written
 * out here by hand (Keras's automatic names for a model of that head), and the layers the head
 * builds into a graph are compared with it, names and Keras classes.
 */
class HeadLayersTest {

  @Test
  void softmaxHeadIsPoolingDropoutAndPredictions() {
    check(HeadSpec.softmax(3, Pooling.GAP, 0.5f),
        "global_average_pooling2d GlobalAveragePooling2D", "dropout Dropout",
        "predictions Dense");
    check(HeadSpec.softmax(3, Pooling.FLATTEN, 0f), "flatten Flatten", "predictions Dense");
  }

  @Test
  void regressorHeadIsPoolingHiddenDenseAndPredictions() {
    check(HeadSpec.regressor(16, Pooling.GAP),
        "global_average_pooling2d GlobalAveragePooling2D", "dense Dense", "predictions Dense");
  }

  @Test
  void mlpHeadHasADropoutAfterEachHiddenDense() {
    List<LayerInfo> built = check(HeadSpec.mlp(List.of(8, 4), 0.3f, 2, OutputFunction.SOFTMAX),
        "flatten Flatten", "dense Dense", "dropout Dropout", "dense_1 Dense",
        "dropout_1 Dropout", "predictions Dense");
    assertArrayEquals(new long[] {8}, built.get(1).outputShape());
    assertArrayEquals(new long[] {4}, built.get(3).outputShape());
    assertArrayEquals(new long[] {2}, built.get(5).outputShape());
    check(HeadSpec.mlp(List.of(8), 0f, 1, OutputFunction.LINEAR), "flatten Flatten", "dense Dense",
        "predictions Dense");
  }

  /**
   * Asserts that {@code spec}'s head lists {@code expected} ("name KerasClass") and builds exactly
   * those layers on a 2x2x5 feature map; returns the built layers.
   */
  private static List<LayerInfo> check(HeadSpec spec, String... expected) {
    Head head = spec.create();
    assertEquals(List.of(expected), head.layers().stream()
        .map(l -> l.name() + " " + l.kind().kerasClass()).toList(), "layers() of " + spec);
    try (ModelRuntime runtime = ModelRuntime.open(Device.CPU, 1)) {
      LayerGraph graph = LayerGraph.inference(runtime);
      head.build(graph, graph.input("features", 2, 2, 5));
      List<LayerInfo> built = graph.layers().subList(1, graph.layers().size());
      assertEquals(List.of(expected), built.stream().map(l -> l.name() + " " + l.type()).toList(),
          "layers built by " + spec);
      return built;
    }
  }
}
