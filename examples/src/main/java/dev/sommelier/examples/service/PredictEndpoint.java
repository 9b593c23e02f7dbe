package dev.sommelier.examples.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.sommelier.api.ImageModel;
import dev.sommelier.tasks.data.ImageDecodeException;
import dev.sommelier.tasks.data.ImageTooLargeException;
import dev.sommelier.tasks.predict.HeatMap;
import java.io.IOException;
import java.util.concurrent.ExecutionException;

/**
 * {@code POST /predict}: admits the request or answers 503 at once, checks the Content-Type, reads
 * the body up to the byte limit, then on a free worker decodes it (refusing an image over the
 * pixel limit from its header) and answers with the classes and the Grad-CAM peak.
 */
final class PredictEndpoint {

  /** Seconds a refused client is asked to wait before trying again. */
  static final String RETRY_AFTER_SECONDS = "1";

  private final ImageModel model;
  private final Admission admission;
  private final long maxBytes;
  private final ObjectMapper json;
  private final Replies replies;

  PredictEndpoint(ImageModel model, Admission admission, long maxBytes, ObjectMapper json) {
    this.model = model;
    this.admission = admission;
    this.maxBytes = maxBytes;
    this.json = json;
    this.replies = new Replies(json);
  }

  void handle(HttpExchange exchange) throws IOException, HttpError, InterruptedException {
    if (!admission.tryEnter()) {
      exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
      throw new HttpError(503, "over capacity: every worker and queue place is taken; "
          + "try again in " + RETRY_AFTER_SECONDS + " s");
    }
    ObjectNode answer;
    try {
      UploadTypes.check(exchange.getRequestHeaders().getFirst("Content-Type"));
      byte[] body = UploadBody.read(exchange.getRequestBody(),
          exchange.getRequestHeaders().getFirst("Content-Length"), maxBytes);
      boolean overlay = wantsOverlay(exchange.getRequestURI().getRawQuery());
      answer = AnswerJson.of(json, explain(body), overlay);
    } finally {
      // before the answer goes out: a client that has its answer never finds its own place taken
      admission.leave();
    }
    replies.send(exchange, 200, answer);
  }

  private HeatMap explain(byte[] body) throws HttpError, InterruptedException {
    try {
      return admission.work(() -> model.explain(body));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ImageTooLargeException t) {
        throw new HttpError(413, "the image is " + t.width() + "x" + t.height() + " = "
            + (long) t.width() * t.height() + " pixels, over the limit of " + t.maxPixels()
            + " (--max-pixels); refused from its header, before decoding");
      }
      if (e.getCause() instanceof ImageDecodeException d) {
        throw new HttpError(400, "not an image that can be read: " + d.reason());
      }
      throw new IllegalStateException("the model failed on an upload", e.getCause());
    }
  }

  private static boolean wantsOverlay(String query) {
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&")) {
      if (pair.equalsIgnoreCase("overlay=true") || pair.equalsIgnoreCase("overlay")) {
        return true;
      }
    }
    return false;
  }
}
