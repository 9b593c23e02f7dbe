package dev.sommelier.examples.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sommelier.api.ImageModel;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's one handler: {@code POST /predict}, {@code GET /health}, 404 for other paths and
 * 405 for other methods. Whatever a request does, it gets a JSON answer and the service goes on:
 * refusals are logged at debug level, failures of the service's own at error level.
 */
final class Routes implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

  private final ImageModel model;
  private final PredictEndpoint predict;
  private final ObjectMapper json;
  private final Replies replies;

  Routes(ImageModel model, PredictEndpoint predict, ObjectMapper json) {
    this.model = model;
    this.predict = predict;
    this.json = json;
    this.replies = new Replies(json);
  }

  @Override
  public void handle(HttpExchange exchange) {
    try (exchange) {
      try {
        route(exchange);
      } catch (HttpError e) {
        LOG.debug("{} {}: {} {}", exchange.getRequestMethod(), exchange.getRequestURI(),
            e.status(), e.getMessage());
        replies.error(exchange, e.status(), e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        replies.error(exchange, 503, "the service is stopping");
      } catch (IOException e) {
        LOG.debug("{} {}: connection failed: {}", exchange.getRequestMethod(),
            exchange.getRequestURI(), e.toString());
      } catch (RuntimeException e) {
        LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        replies.error(exchange, 500, "internal error: " + e);
      }
    } catch (IOException | RuntimeException e) {
      // the answer could not be sent (the client left, or headers were already out)
      LOG.debug("{} {}: no answer sent: {}", exchange.getRequestMethod(),
          exchange.getRequestURI(), e.toString());
    }
  }

  private void route(HttpExchange exchange) throws IOException, HttpError, InterruptedException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    switch (path) {
      case "/predict" -> {
        allow(exchange, "POST");
        predict.handle(exchange);
      }
      case "/health" -> {
        allow(exchange, "GET");
        replies.send(exchange, 200, health());
      }
      default -> throw new HttpError(404, "no such path " + path + " (" + method
          + "); the service answers POST /predict and GET /health");
    }
  }

  private static void allow(HttpExchange exchange, String method) throws HttpError {
    if (!exchange.getRequestMethod().equals(method)) {
      exchange.getResponseHeaders().set("Allow", method);
      throw new HttpError(405, exchange.getRequestMethod() + " is not allowed on "
          + exchange.getRequestURI().getPath() + "; use " + method);
    }
  }

  private ObjectNode health() {
    ObjectNode answer = json.createObjectNode().put("status", "ok")
        .put("task", model.classifies() ? "classification" : "regression");
    model.classes().forEach(answer.putArray("classes")::add);
    return answer.put("maxPixels", model.maxPixels());
  }
}
