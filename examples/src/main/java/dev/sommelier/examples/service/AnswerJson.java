package dev.sommelier.examples.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.predict.HeatMap;
import dev.sommelier.tasks.predict.Prediction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * The JSON of an answer: every class with its probability, most probable first, and the top one
 * (or the value, for a regressor), the Grad-CAM peak in the image's pixels with the image's size,
 * and on request the overlay as a base64 PNG.
 */
final class AnswerJson {

  private AnswerJson() {}

  static ObjectNode of(ObjectMapper json, HeatMap explained, boolean overlay) throws IOException {
    ObjectNode answer = json.createObjectNode();
    Prediction p = explained.prediction();
    if (p.classes().isEmpty()) {
      answer.put("value", p.value());
    } else {
      ArrayNode classes = answer.putArray("classes");
      for (ClassProbability c : p.classes()) {
        classes.addObject().put("name", c.name()).put("probability", c.probability());
      }
      answer.putObject("top").put("name", p.top().name())
          .put("probability", p.top().probability());
    }
    answer.putObject("peak").put("x", explained.peak().x()).put("y", explained.peak().y());
    answer.put("width", explained.image().width()).put("height", explained.image().height());
    if (overlay) {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(explained.overlay(), "png", png);
      answer.put("overlay", Base64.getEncoder().encodeToString(png.toByteArray()));
    }
    return answer;
  }
}
