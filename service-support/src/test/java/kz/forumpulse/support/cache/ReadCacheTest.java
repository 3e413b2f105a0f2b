package kz.forumpulse.support.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadCacheTest {

  final AtomicLong nanos = new AtomicLong();
  final Map<String, String> database = new HashMap<>();
  final AtomicInteger reads = new AtomicInteger();
  final ReadCache<String, String> cache = new ReadCache<>(Duration.ofSeconds(1), 100, nanos::get);

  Optional<String> read(String key) {
    reads.incrementAndGet();
    return Optional.ofNullable(database.get(key));
  }

  @Test
  void keepsAValueForTheTtlThenReadsAgain() {
    database.put("f1", "open");
    assertThat(cache.get("f1", this::read)).contains("open");
    database.put("f1", "closed by another instance");
    nanos.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(cache.get("f1", this::read)).contains("open");
    assertThat(reads).hasValue(1);

    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(cache.get("f1", this::read)).contains("closed by another instance");
    assertThat(reads).hasValue(2);
  }

  @Test
  void aChangeThroughThisInstanceIsSeenAtOnce() {
    database.put("f1", "open");
    cache.get("f1", this::read);
    database.put("f1", "closed");
    cache.invalidate("f1");
    assertThat(cache.get("f1", this::read)).contains("closed");

    database.put("f1", "reopened");
    cache.invalidateAll();
    assertThat(cache.get("f1", this::read)).contains("reopened");
  }

  @Test
  void somethingNotFoundIsLookedUpAgainNextTime() {
    assertThat(cache.get("p1", this::read)).isEmpty();
    database.put("p1", "registered a moment later");
    assertThat(cache.get("p1", this::read)).contains("registered a moment later");
    assertThat(reads).hasValue(2);
  }

  @Test
  void aReadThatRacedWithAChangeIsNotKept() {
    database.put("f1", "open");
    // The read returns the old value while a writer changes it and invalidates meanwhile.
    Optional<String> raced =
        cache.get(
            "f1",
            key -> {
              Optional<String> old = read(key);
              database.put("f1", "closed");
              cache.invalidate("f1");
              return old;
            });
    assertThat(raced).contains("open");
    assertThat(cache.get("f1", this::read)).contains("closed");
  }

  @Test
  void aZeroTtlReadsEveryTime() {
    ReadCache<String, String> off = new ReadCache<>(Duration.ZERO, 100, nanos::get);
    database.put("f1", "open");
    off.get("f1", this::read);
    off.get("f1", this::read);
    assertThat(reads).hasValue(2);
  }

  @Test
  void staysWithinItsBound() {
    ReadCache<String, String> small = new ReadCache<>(Duration.ofSeconds(1), 2, nanos::get);
    database.put("a", "1");
    database.put("b", "2");
    database.put("c", "3");
    small.get("a", this::read);
    small.get("b", this::read);
    small.get("c", this::read);
    small.get("c", this::read);
    assertThat(reads).hasValue(3);
    small.get("a", this::read);
    assertThat(reads).hasValue(4);
  }
}
