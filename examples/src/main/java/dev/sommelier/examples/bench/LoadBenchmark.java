package dev.sommelier.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A load benchmark of a running image service (it starts nothing itself): (a) one request per
 * image in turn, recording each answer; (b) after {@code --warmup} requests from the same clients
 * (the JIT compiles the hot paths and TensorFlow allocates its buffers; default
 * 600), {@code --clients} concurrent clients sending {@code --requests} requests in all, with requests per second, p50/p95/p99 latency, errors, whether
 * every answer equals the serial one (classes, probabilities, top class, value), and the service's
 * resident memory before and after; (c) an overload phase of {@code --overload-clients} clients,
 * counting 503 refusals against other outcomes. It prints a summary, then the same as JSON (also
 * to {@code --json=FILE}), and exits with 1 when a request before the overload phase was not
 * answered 200, or an answer differed from the serial one.
 *
 * <pre>
 * java -cp target/sommelier-examples.jar dev.sommelier.examples.bench.LoadBenchmark \
 *     --url=http://127.0.0.1:8080 --images=DIR [--pid=PID] [--requests=2000] [--clients=8] \
 *     [--warmup=600] [--overload-clients=64] [--overload-requests=1000] [--json=FILE]
 * </pre>
 */
public final class LoadBenchmark {

  private static final List<String> OPTIONS = List.of("url", "images", "pid", "requests",
      "clients", "warmup", "overload-clients", "overload-requests", "json");

  private LoadBenchmark() {}

  /** Runs the benchmark; see the class comment for the options. */
  public static void main(String[] args) throws IOException, InterruptedException {
    Map<String, String> o = options(args);
    URI base = URI.create(required(o, "url").replaceAll("/+$", ""));
    List<Upload> uploads = Upload.under(Path.of(required(o, "images")));
    Long pid = o.containsKey("pid") ? (long) number(o, "pid", 0) : null;
    int requests = number(o, "requests", 2000);
    int clients = number(o, "clients", 8);
    int warmupRequests = number(o, "warmup", 600);
    int overloadClients = number(o, "overload-clients", 64);
    int overloadRequests = number(o, "overload-requests", 1000);

    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode summary = json.createObjectNode().put("url", base.toString())
        .put("images", uploads.size()).put("cores", Runtime.getRuntime().availableProcessors());
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    LoadPhase phase = new LoadPhase(http, base.resolve("/predict"));

    Double rssStart = ResidentMemory.mebibytes(pid);
    LoadPhase.Result serial = phase.run(uploads, 1, uploads.size());
    int serialFailed = uploads.size() - serial.count(200);
    System.out.printf(Locale.ROOT, "serial: %d images, latency p50 %.1f ms, %d not answered 200%n",
        uploads.size(), serial.latencies(200).percentileMillis(50), serialFailed);
    summary.putObject("serial").put("requests", uploads.size()).put("failed", serialFailed)
        .put("p50Ms", serial.latencies(200).percentileMillis(50));

    LoadPhase.Result warmup = phase.run(uploads, clients, warmupRequests);
    int warmupErrors = warmupRequests - warmup.count(200);
    System.out.printf(Locale.ROOT, "warm-up: %d requests from %d clients, %d errors%s%n",
        warmupRequests, clients, warmupErrors, describeErrors(warmup));
    summary.putObject("warmup").put("requests", warmupRequests).put("errors", warmupErrors);

    Double rssBefore = ResidentMemory.mebibytes(pid);
    LoadPhase.Result load = phase.run(uploads, clients, requests);
    Double rssAfter = ResidentMemory.mebibytes(pid);
    int errors = requests - load.count(200);
    int differing = 0;
    for (int i = 0; i < requests; i++) {
      String expected = serial.answer()[i % uploads.size()];
      if (load.status()[i] == 200 && (expected == null || !expected.equals(load.answer()[i]))) {
        differing++;
      }
    }
    Latencies ok = load.latencies(200);
    System.out.printf(Locale.ROOT, "load: %d requests from %d clients in %.1f s: %.1f requests/s;"
            + " latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; errors %d%s%n",
        requests, clients, load.wallNanos() / 1e9, load.requestsPerSecond(),
        ok.percentileMillis(50), ok.percentileMillis(95), ok.percentileMillis(99), ok.maxMillis(),
        errors, describeErrors(load));
    System.out.printf("answers identical to the serial pass: %s (%d of %d answered differ)%n",
        differing == 0 ? "yes" : "NO", differing, load.count(200));
    if (pid != null) {
      System.out.printf(Locale.ROOT, "service memory (VmRSS): %.1f MiB at start, %.1f MiB before "
              + "the load, %.1f MiB after (%+.1f %%)%n", rssStart, rssBefore, rssAfter,
          100 * (rssAfter - rssBefore) / rssBefore);
    }
    summary.putObject("load").put("requests", requests).put("clients", clients)
        .put("seconds", load.wallNanos() / 1e9).put("requestsPerSecond", load.requestsPerSecond())
        .put("p50Ms", ok.percentileMillis(50)).put("p95Ms", ok.percentileMillis(95))
        .put("p99Ms", ok.percentileMillis(99)).put("maxMs", ok.maxMillis())
        .put("errors", errors).put("differingAnswers", differing)
        .put("identicalAnswers", differing == 0 && errors == 0);
    summary.putObject("rssMiB").putPOJO("start", rssStart).putPOJO("beforeLoad", rssBefore)
        .putPOJO("afterLoad", rssAfter);

    if (overloadRequests > 0) {
      LoadPhase.Result over = phase.run(uploads, overloadClients, overloadRequests);
      Double rssOver = ResidentMemory.mebibytes(pid);
      int refused = over.count(503);
      int answered = over.count(200);
      int noAnswer = over.count(LoadPhase.NO_ANSWER);
      int other = overloadRequests - refused - answered - noAnswer;
      System.out.printf(Locale.ROOT, "overload: %d requests from %d clients in %.1f s: 200 x %d,"
              + " 503 x %d, other statuses %d, no answer %d; 503 latency p50 %.1f ms, p99 %.1f ms;"
              + " 200 latency p50 %.1f ms%s%n", overloadRequests, overloadClients,
          over.wallNanos() / 1e9, answered, refused, other, noAnswer,
          over.latencies(503).percentileMillis(50), over.latencies(503).percentileMillis(99),
          over.latencies(200).percentileMillis(50),
          pid == null ? "" : String.format(Locale.ROOT, "; VmRSS after %.1f MiB", rssOver));
      summary.putObject("overload").put("requests", overloadRequests)
          .put("clients", overloadClients).put("ok", answered).put("refused503", refused)
          .put("otherStatus", other).put("noAnswer", noAnswer)
          .put("refusedP50Ms", over.latencies(503).percentileMillis(50))
          .put("okP50Ms", over.latencies(200).percentileMillis(50));
      summary.with("rssMiB").putPOJO("afterOverload", rssOver);
    }

    String text = json.writeValueAsString(summary);
    System.out.println(text);
    if (o.containsKey("json")) {
      writeAtomically(Path.of(o.get("json")), text);
    }
    System.exit(serialFailed + warmupErrors + errors + differing == 0 ? 0 : 1);
  }

  private static String describeErrors(LoadPhase.Result r) {
    Map<Integer, Integer> byStatus = new HashMap<>();
    for (int s : r.status()) {
      if (s != 200) {
        byStatus.merge(s, 1, Integer::sum);
      }
    }
    String first = r.firstFailure() == null ? "" : "; first without an answer: "
        + r.firstFailure();
    return byStatus.isEmpty() ? "" : " (by status, -1 = no answer: " + byStatus + first + ")";
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> given = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
      if (name == null || !OPTIONS.contains(name)) {
        fail("unknown argument " + arg + "; options: --" + String.join("=..., --", OPTIONS)
            + "=...");
      }
      given.put(name, arg.substring(eq + 1));
    }
    return given;
  }

  private static int number(Map<String, String> options, String name, int fallback) {
    String text = options.get(name);
    try {
      return text == null ? fallback : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      fail("--" + name + " must be a whole number, got '" + text + "'");
      return fallback;
    }
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      fail("--" + name + " is required (e.g. --url=http://127.0.0.1:8080 --images=DIR)");
    }
    return value;
  }

  private static void fail(String message) {
    System.err.println("LoadBenchmark: " + message);
    System.exit(2);
  }

  private static void writeAtomically(Path target, String text) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".bench-", ".json");
    try {
      Files.writeString(tmp, text);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
