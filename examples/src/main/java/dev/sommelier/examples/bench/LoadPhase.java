package dev.sommelier.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends {@code requests} uploads to {@code POST /predict} from {@code clients} threads (request
 * {@code i} sends image {@code i % images}), and records each request's status, latency and, for
 * a 200, the answer's classes, top class and value as canonical JSON.
 */
final class LoadPhase {

  /** The status recorded for a request that got no HTTP answer (refused connection, reset). */
  static final int NO_ANSWER = -1;

  private final HttpClient http;
  private final URI predict;
  private final ObjectMapper json = new ObjectMapper();

  LoadPhase(HttpClient http, URI predict) {
    this.http = http;
    this.predict = predict;
  }

  /**
   * What one phase saw.
   *
   * @param status per request: the HTTP status, or {@link #NO_ANSWER}
   * @param nanos per request: from sending to the whole answer read
   * @param answer per request: the compared part of a 200's JSON, else null
   * @param wallNanos the whole phase
   * @param firstFailure the first request that got no answer, described; null if none
   */
  record Result(int[] status, long[] nanos, String[] answer, long wallNanos,
      String firstFailure) {

    int count(int code) {
      int n = 0;
      for (int s : status) {
        n += s == code ? 1 : 0;
      }
      return n;
    }

    double requestsPerSecond() {
      return status.length / (wallNanos / 1e9);
    }

    /** The latencies of the requests answered {@code code}. */
    Latencies latencies(int code) {
      List<Long> picked = new ArrayList<>();
      for (int i = 0; i < status.length; i++) {
        if (status[i] == code) {
          picked.add(nanos[i]);
        }
      }
      return new Latencies(picked.stream().mapToLong(Long::longValue).toArray());
    }
  }

  Result run(List<Upload> uploads, int clients, int requests) throws InterruptedException {
    int[] status = new int[requests];
    long[] nanos = new long[requests];
    String[] answer = new String[requests];
    AtomicInteger next = new AtomicInteger();
    String[] firstFailure = new String[1];
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      Thread client = new Thread(() -> {
        for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
          Upload upload = uploads.get(i % uploads.size());
          long t0 = System.nanoTime();
          try {
            HttpResponse<String> response = http.send(request(upload),
                HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - t0;
            status[i] = response.statusCode();
            answer[i] = status[i] == 200 ? comparedPart(response.body()) : null;
          } catch (IOException e) {
            nanos[i] = System.nanoTime() - t0;
            status[i] = NO_ANSWER;
            synchronized (firstFailure) {
              if (firstFailure[0] == null) {
                firstFailure[0] = upload.file() + ": " + e;
              }
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }, "client-" + c);
      client.start();
      threads.add(client);
    }
    for (Thread t : threads) {
      t.join();
    }
    return new Result(status, nanos, answer, System.nanoTime() - start, firstFailure[0]);
  }

  private HttpRequest request(Upload upload) {
    return HttpRequest.newBuilder(predict).timeout(Duration.ofSeconds(120))
        .header("Content-Type", upload.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(upload.bytes())).build();
  }

  /** The classes with their probabilities, the top class and the value, as compact JSON. */
  private String comparedPart(String body) throws IOException {
    JsonNode node = json.readTree(body);
    if (!(node instanceof ObjectNode answer)) {
      return body;
    }
    return json.writeValueAsString(answer.deepCopy().retain("classes", "top", "value"));
  }
}
