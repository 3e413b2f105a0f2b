package kz.forumpulse.support.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Keeps documents that nearly every request reads (a forum's settings, a participant looked up by
 * access code) for a short time, so a write request does not spend a database round trip on each.
 *
 * <p>Bounded staleness: a change made through this instance is seen at once (the writer calls
 * {@link #invalidate}); a change made by another instance is seen within {@code ttl}. A read that
 * raced with an invalidation is not kept, so an invalidated value cannot come back. Absent values
 * are never kept: something created a moment ago is found at the next request. A zero {@code ttl}
 * turns the cache off.
 */
public final class ReadCache<K, V> {

  private final long ttlNanos;
  private final int maxEntries;
  private final LongSupplier nanoTime;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong invalidations = new AtomicLong();

  private record Entry<V>(V value, long readAt) {}

  public ReadCache(Duration ttl, int maxEntries) {
    this(ttl, maxEntries, System::nanoTime);
  }

  ReadCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
    this.nanoTime = nanoTime;
  }

  /** The kept value if it is younger than the ttl, else what {@code load} reads now. */
  public Optional<V> get(K key, Function<K, Optional<V>> load) {
    if (ttlNanos <= 0) {
      return load.apply(key);
    }
    long now = nanoTime.getAsLong();
    Entry<V> kept = entries.get(key);
    if (kept != null && now - kept.readAt() < ttlNanos) {
      return Optional.of(kept.value());
    }
    long before = invalidations.get();
    Optional<V> loaded = load.apply(key);
    if (loaded.isEmpty()) {
      entries.remove(key);
    } else {
      if (entries.size() >= maxEntries) {
        // Crude but bounded: the working set of a forum day is far below the bound.
        entries.clear();
      }
      Entry<V> entry = new Entry<>(loaded.get(), now);
      entries.put(key, entry);
      // Kept first, checked after: an invalidation either comes later (and removes this entry)
      // or has already happened (and this read may predate its write).
      if (invalidations.get() != before) {
        entries.remove(key, entry);
      }
    }
    return loaded;
  }

  /** Forgets {@code key}; call it after every write of the value. */
  public void invalidate(K key) {
    invalidations.incrementAndGet();
    entries.remove(key);
  }

  /** Forgets everything, e.g. after a write that may touch entries under several keys. */
  public void invalidateAll() {
    invalidations.incrementAndGet();
    entries.clear();
  }
}
