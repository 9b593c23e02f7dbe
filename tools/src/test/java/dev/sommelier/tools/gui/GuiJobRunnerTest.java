package dev.sommelier.tools.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.jobs.predict.PredictResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** A job's reports reach the view on the EDT, in order, the end last; headless, no window. */
class GuiJobRunnerTest {

  /** Records what it is told and where; the latch opens at the end. */
  private static final class Recorder implements JobView {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final CountDownLatch ended = new CountDownLatch(1);
    volatile boolean offEdt;

    private void record(String call) {
      offEdt |= !SwingUtilities.isEventDispatchThread();
      calls.add(call);
    }

    @Override
    public void progress(JobEvent.Progress p) {
      record("progress " + p.status());
    }

    @Override
    public void log(String line) {
      record("log " + line);
    }

    @Override
    public void finished(JobOutcome outcome) {
      record("finished");
      ended.countDown();
    }

    @Override
    public void failed(String message) {
      record("failed " + message);
      ended.countDown();
    }

    List<String> await() throws InterruptedException {
      assertTrue(ended.await(10, TimeUnit.SECONDS), "the job did not end: " + calls);
      assertTrue(!offEdt, "a view method ran off the EDT");
      return calls;
    }
  }

  private static List<String> run(GuiJob job) throws InterruptedException {
    Recorder view = new Recorder();
    new JobRunner(view).start(job);
    return view.await();
  }

  @Test
  void logLinesKeepTheirOrderProgressEndsAtTheLatestAndTheOutcomeComesLast() throws Exception {
    List<String> calls = run(events -> {
      events.accept(new JobEvent.Log("first"));
      for (int i = 1; i <= 10_000; i++) {
        events.accept(new JobEvent.Progress(i / 10_000.0, "step " + i));
      }
      events.accept(new JobEvent.Log("second"));
      return new JobOutcome.Predicted(new PredictResult(Path.of("m"), Path.of("o"), Path.of("c"),
          Path.of("j"), List.of(), List.of(), List.of()));
    });
    List<String> logs = calls.stream().filter(c -> c.startsWith("log ")).toList();
    assertEquals(List.of("log first", "log second"), logs);
    assertEquals("finished", calls.get(calls.size() - 1));
    List<String> progress = calls.stream().filter(c -> c.startsWith("progress ")).toList();
    assertEquals("progress step 10000", progress.get(progress.size() - 1));
    assertTrue(progress.size() < 10_000, "progress was not coalesced: " + progress.size());
  }

  @Test
  void failuresReachTheViewAsMessages() throws Exception {
    assertEquals(List.of("log reading", "failed no folder at /x"), run(events -> {
      events.accept(new JobEvent.Log("reading"));
      throw new IllegalArgumentException("no folder at /x");
    }));
    assertEquals(List.of("failed disk full"), run(events -> {
      throw new UncheckedIOException(new IOException("disk full"));
    }));
    assertEquals(List.of("failed IllegalStateException: graph broken"), run(events -> {
      throw new IllegalStateException("graph broken");
    }));
    assertEquals(List.of("failed OutOfMemoryError"), run(events -> {
      throw new OutOfMemoryError();
    }));
  }
}
