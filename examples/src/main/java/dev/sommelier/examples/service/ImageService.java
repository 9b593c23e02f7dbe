package dev.sommelier.examples.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.sommelier.api.ImageModel;
import dev.sommelier.api.LoadOptions;
import dev.sommelier.api.Sommelier;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Example 3: an HTTP service on the JDK's own server with one shared {@link ImageModel}.
 *
 * <pre>
 * java -cp target/sommelier-examples.jar dev.sommelier.examples.service.ImageService \
 *     [--port=8080] [--workers=N] [--queue=16] [--max-bytes=N] [--max-pixels=N] MODEL_DIR
 * curl --data-binary @photo.jpg -H 'Content-Type: image/jpeg' localhost:8080/predict
 * </pre>
 *
 * <p>Everything is bounded: {@code workers + queue} requests are admitted at once and the next
 * gets 503 with {@code Retry-After} before its body is read; the server's thread pool has a
 * thread for every admitted request plus {@value #SPARE_THREADS} to answer the others, so a
 * refusal never waits behind admitted work; bodies stop at {@code --max-bytes}, images at
 * {@code --max-pixels} (from their header). It stops cleanly on Ctrl-C / SIGTERM.
 */
public final class ImageService {

  /** Threads beyond the admitted requests: for refusals, health checks and unknown paths. */
  static final int SPARE_THREADS = 4;

  private static final Logger LOG = LoggerFactory.getLogger(ImageService.class);
  private static final int BACKLOG = 128;

  private ImageService() {}

  /** Starts the service; see the class comment and {@link ServiceOptions#USAGE}. */
  public static void main(String[] args) throws IOException {
    if (Arrays.asList(args).contains("--help")) {
      System.out.println(ServiceOptions.USAGE);
      return;
    }
    ServiceOptions options;
    try {
      options = ServiceOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("ImageService: " + e.getMessage());
      System.err.println(ServiceOptions.USAGE);
      System.exit(2);
      return;
    }
    ImageModel model;
    try {
      model = Sommelier.load(options.model(),
          LoadOptions.DEFAULT.withMaxPixels(options.maxPixels()));
    } catch (IllegalArgumentException e) {
      System.err.println("ImageService: " + e.getMessage());
      System.exit(2);
      return;
    }
    ObjectMapper json = new ObjectMapper();
    Admission admission = new Admission(options.workers(), options.queue());
    Routes routes = new Routes(model,
        new PredictEndpoint(model, admission, options.maxBytes(), json), json);

    // A request refused before its body is read (503, 415) gets its answer at once; the JDK's
    // server then discards the unread body, by default only its first 64 KiB, and past that closes
    // the connection under the client, whose system may drop the answer it already had (a
    // "connection reset" instead of the 503). Discarding up to the byte limit keeps those answers.
    System.setProperty("sun.net.httpserver.drainAmount", String.valueOf(options.maxBytes()));
    HttpServer server = HttpServer.create(
        new InetSocketAddress(options.host(), options.port()), BACKLOG);
    ExecutorService threads = Executors.newFixedThreadPool(options.admitted() + SPARE_THREADS);
    server.setExecutor(threads);
    server.createContext("/", routes);
    server.start();
    Runtime.getRuntime().addShutdownHook(
        new Thread(() -> stop(server, threads, admission, model)));
    LOG.info("listening on http://{}:{} with model {} ({} classes), {} workers, queue {}, "
            + "max {} bytes, max {} pixels", options.host(), server.getAddress().getPort(),
        options.model(), model.classes().size(), options.workers(), options.queue(),
        options.maxBytes(), options.maxPixels());
  }

  /** Lets requests in flight finish (up to a few seconds), then frees the model. */
  private static void stop(HttpServer server, ExecutorService threads, Admission admission,
      ImageModel model) {
    LOG.info("stopping");
    server.stop(1);
    threads.shutdown();
    try {
      if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("requests still running after 5 s; leaving the model open");
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    admission.close();
    model.close();
  }
}
