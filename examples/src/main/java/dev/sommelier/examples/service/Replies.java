package dev.sommelier.examples.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Sends JSON answers and {@code {"error": "..."}} bodies. */
final class Replies {

  private final ObjectMapper json;

  Replies(ObjectMapper json) {
    this.json = json;
  }

  void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  void error(HttpExchange exchange, int status, String message) throws IOException {
    send(exchange, status, json.createObjectNode().put("error", message));
  }
}
