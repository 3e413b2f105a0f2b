package kz.forumpulse.systemtests.faults;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with generous limits: on a busy machine only the outcome is asserted, never a time. */
final class Awaits {

  private Awaits() {}

  static void until(String what, Duration atMost, BooleanSupplier condition) {
    until(what, atMost, condition, Duration.ofMillis(500));
  }

  static void until(String what, Duration atMost, BooleanSupplier condition, Duration every) {
    long deadline = System.nanoTime() + atMost.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
        last = null;
      } catch (RuntimeException e) {
        last = e;
      }
      ForumWorkload.sleep(every);
    }
    throw new AssertionError("not within " + atMost.toSeconds() + " s: " + what, last);
  }
}
