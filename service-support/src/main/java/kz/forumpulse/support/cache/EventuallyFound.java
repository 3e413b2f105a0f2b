package kz.forumpulse.support.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Looks something up again, every 50 ms, until it is found or a grace period has passed: for what
 * another service has just created and whose event may still be on its way here (a participant who
 * registered a moment ago, the forum an organiser has just created).
 */
public final class EventuallyFound {

  static final long PAUSE_MS = 50;

  private EventuallyFound() {}

  /** What {@code lookUp} finds within {@code grace}; empty once it has passed (or on interrupt). */
  public static <T> Optional<T> within(Duration grace, Supplier<Optional<T>> lookUp) {
    long deadline = System.nanoTime() + grace.toNanos();
    while (true) {
      Optional<T> found = lookUp.get();
      if (found.isPresent() || System.nanoTime() >= deadline) {
        return found;
      }
      try {
        Thread.sleep(PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }
}
