package dev.sommelier.examples.service;

import java.util.concurrent.Semaphore;

/**
 * Bounds the work in flight: at most {@code workers + queue} requests are admitted (a request
 * past that is refused at once, before its body is read), and of those at most {@code workers}
 * decode and run the model at the same time while the others wait their turn.
 */
final class Admission {

  private final Semaphore admitted;
  private final Semaphore working;

  Admission(int workers, int queue) {
    this.admitted = new Semaphore(workers + queue);
    this.working = new Semaphore(workers, true);
  }

  /** Takes a place if one is free; never waits. Give it back with {@link #leave}. */
  boolean tryEnter() {
    return admitted.tryAcquire();
  }

  /** Gives back the place {@link #tryEnter} took. */
  void leave() {
    admitted.release();
  }

  /** Runs {@code work} once a worker is free (an admitted request waits here, in turn). */
  <T, E extends Exception> T work(Work<T, E> work) throws E, InterruptedException {
    working.acquire();
    try {
      return work.run();
    } finally {
      working.release();
    }
  }

  /** The work of one request, which may throw. */
  @FunctionalInterface
  interface Work<T, E extends Exception> {
    T run() throws E;
  }
}
