package kz.forumpulse.support.ratelimit;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window counters per key. Small and exact enough for abuse protection; windows of idle
 * clients are dropped as they expire so memory stays bounded by active clients.
 */
final class RateLimiter {

  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  RateLimiter(Clock clock) {
    this.clock = clock;
  }

  private record Window(long start, int count) {}

  /**
   * Counts one request.
   *
   * @return 0 when allowed, else the seconds until the client may try again
   */
  long acquire(String key, int limit, long windowMillis) {
    long now = clock.millis();
    Window w =
        windows.compute(
            key,
            (k, current) ->
                current == null || now - current.start() >= windowMillis
                    ? new Window(now, 1)
                    : new Window(current.start(), current.count() + 1));
    if (windows.size() > 10_000) {
      windows.entrySet().removeIf(e -> now - e.getValue().start() >= windowMillis);
    }
    if (w.count() <= limit) {
      return 0;
    }
    return Math.max(1, (w.start() + windowMillis - now + 999) / 1000);
  }
}
