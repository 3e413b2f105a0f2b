package kz.forumpulse.reporting.rebuild;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads on a second thread while the caller applies what was read before: the reader stays at most
 * {@code depth} chunks ahead. Chunks reach the sink in the order they were read. Whatever stops one
 * side stops the other: a reader failure is thrown to the caller, a sink failure ends the reader
 * before {@link #run} returns, so the source is never used by two threads at once.
 */
final class ReadAhead {

  private ReadAhead() {}

  /**
   * @param source the next chunk, empty at the end; called on the reader thread only
   * @param sink called on the caller's thread, in order
   */
  static <T> void run(
      String threadName, int depth, Supplier<Optional<T>> source, Consumer<T> sink) {
    BlockingQueue<Handed<T>> ready = new ArrayBlockingQueue<>(depth);
    AtomicBoolean stop = new AtomicBoolean();
    Thread reader =
        new Thread(
            () -> {
              try {
                Optional<T> chunk;
                while (!stop.get() && (chunk = source.get()).isPresent()) {
                  hand(ready, new Handed<>(chunk.get(), false, null), stop);
                }
                hand(ready, new Handed<>(null, true, null), stop);
              } catch (Throwable e) {
                // Whatever stops the reader must reach the caller, or it would wait for ever.
                RuntimeException failure =
                    e instanceof RuntimeException r ? r : new IllegalStateException(e);
                hand(ready, new Handed<>(null, false, failure), stop);
              }
            },
            threadName);
    reader.setDaemon(true);
    reader.start();
    try {
      while (true) {
        Handed<T> next = ready.take();
        if (next.failure() != null) {
          throw next.failure();
        }
        if (next.end()) {
          return;
        }
        sink.accept(next.chunk());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(threadName + " interrupted", e);
    } finally {
      stop.set(true);
      ready.clear();
      try {
        reader.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private record Handed<T>(T chunk, boolean end, RuntimeException failure) {}

  private static <T> void hand(BlockingQueue<Handed<T>> ready, Handed<T> item, AtomicBoolean stop) {
    try {
      while (!stop.get() && !ready.offer(item, 50, TimeUnit.MILLISECONDS)) {
        // the caller is still applying earlier chunks
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
