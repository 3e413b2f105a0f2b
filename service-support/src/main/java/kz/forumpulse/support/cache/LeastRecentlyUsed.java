package kz.forumpulse.support.cache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded map that drops the entry least recently read or written first. */
public final class LeastRecentlyUsed {

  private LeastRecentlyUsed() {}

  /** Thread-safe (one lock: for the few request threads of a service, not a contended cache). */
  public static <K, V> Map<K, V> map(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
    }
    return Collections.synchronizedMap(
        new LinkedHashMap<>(Math.min(maxEntries, 1024), 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > maxEntries;
          }
        });
  }
}
