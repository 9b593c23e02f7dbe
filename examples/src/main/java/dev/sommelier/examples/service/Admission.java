package dev.sommelier.examples.service;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the work in flight: at most {@code workers + queue} requests are admitted (a request
 * past that is refused at once, before its body is read), and of those at most {@code workers}
 * decode and run the model at the same time, on {@code workers} threads of their own, while the
 * others wait their turn. Only those threads ever call TensorFlow, so its native memory (and the
 * C allocator's per-thread arenas under it) stays with a fixed set of threads, however many
 * connections come and go.
 */
final class Admission implements AutoCloseable {

  private final Semaphore admitted;
  private final ExecutorService model;

  Admission(int workers, int queue) {
    this.admitted = new Semaphore(workers + queue);
    AtomicInteger count = new AtomicInteger();
    this.model = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "model-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Takes a place if one is free; never waits. Give it back with {@link #leave}. */
  boolean tryEnter() {
    return admitted.tryAcquire();
  }

  /** Gives back the place {@link #tryEnter} took. */
  void leave() {
    admitted.release();
  }

  /**
   * Runs {@code work} on a model thread once one is free (an admitted request waits here, in
   * turn) and returns its result.
   *
   * @throws ExecutionException with what {@code work} threw as its cause
   */
  <T> T work(Callable<T> work) throws ExecutionException, InterruptedException {
    return model.submit(work).get();
  }

  /** Stops the model threads (after the requests in flight). */
  @Override
  public void close() {
    model.shutdown();
  }
}
