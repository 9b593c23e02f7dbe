package dev.sommelier.tools;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * The sommelier launcher that stops at a known point, for {@link ResumeAfterKillCommandTest}:
 * {@code PausingLauncher MARKER COMMAND ARGS...} runs {@link Sommelier#main} on {@code COMMAND
 * ARGS...}, and when its log (standard error) writes a line containing {@code MARKER}, writes that
 * line, prints {@code paused} on standard output and never returns from the write, so the
 * training thread stands still there until the caller kills the process.
 */
public final class PausingLauncher {

  private PausingLauncher() {}

  public static void main(String[] args) {
    System.setErr(new PrintStream(new PauseAtLine(System.err, args[0]), true,
        StandardCharsets.UTF_8));
    Sommelier.main(Arrays.copyOfRange(args, 1, args.length));
  }

  /** Passes lines through to {@code target} and stops the writer of the marked line for good. */
  private static final class PauseAtLine extends OutputStream {
    private final PrintStream target;
    private final String marker;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    PauseAtLine(PrintStream target, String marker) {
      this.target = target;
      this.marker = marker;
    }

    @Override
    public synchronized void write(int b) {
      line.write(b);
      if (b != '\n') {
        return;
      }
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      target.print(text);
      target.flush();
      if (text.contains(marker)) {
        System.out.println("paused");
        System.out.flush();
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
          try {
            never.await();
          } catch (InterruptedException e) {
            // stay here: only a kill ends this process
          }
        }
      }
    }
  }
}
