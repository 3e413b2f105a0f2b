package kz.forumpulse.support.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * The consumer's side of {@link BatchDeadLetters}: a poll's records decoded and applied as one
 * batch, with a failed record named by its index so the handler can set it aside.
 */
public final class Polls {

  private Polls() {}

  /**
   * Decodes records {@code 0..size-1} and applies them as one batch. A record that can never be
   * decoded is set aside: the records before it are applied, and the exception names its index, so
   * the error handler commits those, dead-letters it and polls the rest again. Transient failures
   * are retried until they pass ({@link TransientFailures}); any other failure is narrowed down to
   * its record by applying one at a time (applying again changes nothing), so only that record is
   * dead-lettered.
   */
  public static <T> void apply(int size, IntFunction<T> decode, Consumer<List<T>> apply) {
    List<T> batch = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      T decoded;
      try {
        decoded = decode.apply(i);
      } catch (RuntimeException unreadable) {
        applyNamingTheFailed(batch, apply);
        throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, i);
      }
      batch.add(decoded);
    }
    applyNamingTheFailed(batch, apply);
  }

  private static <T> void applyNamingTheFailed(List<T> batch, Consumer<List<T>> apply) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      TransientFailures.retryUntilDone(() -> apply.accept(batch));
    } catch (RuntimeException failed) {
      for (int i = 0; i < batch.size(); i++) {
        List<T> one = List.of(batch.get(i));
        try {
          TransientFailures.retryUntilDone(() -> apply.accept(one));
        } catch (RuntimeException e) {
          throw new BatchListenerFailedException(e.getMessage(), e, i);
        }
      }
    }
  }
}
