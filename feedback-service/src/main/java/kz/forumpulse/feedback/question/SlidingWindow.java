package kz.forumpulse.feedback.question;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * At most {@code max} events in any {@code window}-long stretch of time (a sliding log, not fixed
 * buckets, so nobody gets twice the limit across a bucket boundary). Pure logic; {@link FloodLimit}
 * stores the log.
 */
record SlidingWindow(int max, Duration window) {

  /** Whether one more event may happen at {@code now}, given the earlier ones. */
  Decision decide(List<Instant> earlier, Instant now) {
    Instant cutoff = now.minus(window);
    List<Instant> kept =
        new ArrayList<>(earlier.stream().filter(t -> t.isAfter(cutoff)).sorted().toList());
    if (kept.size() >= max) {
      // The oldest events must leave the window until only max-1 remain.
      Instant freesASlot = kept.get(kept.size() - max).plus(window);
      long seconds = (Duration.between(now, freesASlot).toMillis() + 999) / 1000;
      return new Decision(false, kept, Duration.ofSeconds(Math.max(1, seconds)));
    }
    kept.add(now);
    kept.sort(Comparator.naturalOrder());
    return new Decision(true, kept, Duration.ZERO);
  }

  /**
   * @param allowed whether the event may happen
   * @param log the events to remember (including this one when allowed)
   * @param retryAfter when a refused caller may try again
   */
  record Decision(boolean allowed, List<Instant> log, Duration retryAfter) {}
}
