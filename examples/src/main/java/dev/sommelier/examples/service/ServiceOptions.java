package dev.sommelier.examples.service;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The image service's command line: the model folder and the limits that bound its threads and
 * memory.
 *
 * @param model the model directory ({@code runs/NAME/model})
 * @param host the address to listen on
 * @param port the port (0: any free one; the log says which)
 * @param workers requests decoded and run through the model at once
 * @param queue admitted requests that wait for a worker; past workers + queue a request is
 *     answered 503 at once
 * @param maxBytes the largest request body, in bytes
 * @param maxPixels the largest image decoded, in pixels; larger ones are refused from their header
 */
public record ServiceOptions(Path model, String host, int port, int workers, int queue,
    long maxBytes, long maxPixels) {

  /** The options and their defaults, as the usage line shows them. */
  public static final String USAGE = String.join(System.lineSeparator(),
      "usage: ImageService [options] MODEL_DIR",
      "  answers POST /predict (the image's raw bytes; ?overlay=true adds the Grad-CAM overlay)",
      "  and GET /health with JSON; over workers + queue requests it answers 503 at once",
      "  --host=ADDR        address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)",
      "  --port=N           port, 0 for any free one (default 8080)",
      "  --workers=N        requests run through the model at once (default: the cores, "
          + Runtime.getRuntime().availableProcessors() + " here)",
      "  --queue=N          admitted requests waiting for a worker; more get 503 (default 16)",
      "  --max-bytes=N      largest request body in bytes (default 10000000)",
      "  --max-pixels=N     largest image in pixels, refused from its header (default 24000000)");

  private static final List<String> NAMES =
      List.of("host", "port", "workers", "queue", "max-bytes", "max-pixels");

  /** Checks the values. */
  public ServiceOptions {
    atLeast("port", port, 0);
    if (port > 65_535) {
      throw new IllegalArgumentException("--port must be at most 65535, got " + port);
    }
    atLeast("workers", workers, 1);
    atLeast("queue", queue, 0);
    atLeast("max-bytes", maxBytes, 1);
    atLeast("max-pixels", maxPixels, 1);
  }

  /** How many requests may hold a thread at once: the workers and those queued for them. */
  public int admitted() {
    return workers + queue;
  }

  /**
   * Reads {@code --name=value} options and one model folder.
   *
   * @throws IllegalArgumentException naming the option that is unknown, missing its value or not
   *     a number, or saying that the model folder is missing
   */
  public static ServiceOptions parse(String... args) {
    Map<String, String> given = new LinkedHashMap<>();
    Path model = null;
    for (String arg : args) {
      if (arg.startsWith("--")) {
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
        if (!NAMES.contains(name)) {
          throw new IllegalArgumentException("unknown option " + arg + "; known: --"
              + String.join(", --", NAMES));
        }
        if (eq < 0) {
          throw new IllegalArgumentException("--" + name + " needs a value: --" + name + "=VALUE");
        }
        given.put(name, arg.substring(eq + 1));
      } else if (model == null) {
        model = Path.of(arg);
      } else {
        throw new IllegalArgumentException("one model folder expected, got " + model + " and "
            + arg);
      }
    }
    if (model == null) {
      throw new IllegalArgumentException("the model folder is missing (runs/NAME/model)");
    }
    return new ServiceOptions(model, given.getOrDefault("host", "127.0.0.1"),
        (int) number(given, "port", 8080),
        (int) number(given, "workers", Runtime.getRuntime().availableProcessors()),
        (int) number(given, "queue", 16),
        number(given, "max-bytes", 10_000_000L),
        number(given, "max-pixels", 24_000_000L));
  }

  private static long number(Map<String, String> given, String name, long fallback) {
    String text = given.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      return Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + text
          + "'");
    }
  }

  private static void atLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException("--" + name + " must be at least " + min + ", got "
          + value);
    }
  }
}
