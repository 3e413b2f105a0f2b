package kz.forumpulse.support.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyFoundTest {

  @Test
  void looksAgainUntilFound() {
    AtomicInteger lookUps = new AtomicInteger();
    Optional<String> found =
        EventuallyFound.within(
            Duration.ofSeconds(5),
            () -> lookUps.incrementAndGet() < 3 ? Optional.empty() : Optional.of("arrived"));
    assertThat(found).contains("arrived");
    assertThat(lookUps).hasValue(3);
  }

  @Test
  void givesUpOnceTheGracePeriodHasPassed() {
    AtomicInteger lookUps = new AtomicInteger();
    long start = System.nanoTime();
    Optional<String> found =
        EventuallyFound.within(
            Duration.ofMillis(200),
            () -> {
              lookUps.incrementAndGet();
              return Optional.empty();
            });
    assertThat(found).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(lookUps.get()).isBetween(2, 6);
  }

  @Test
  void withoutAGracePeriodLooksOnce() {
    AtomicInteger lookUps = new AtomicInteger();
    assertThat(
            EventuallyFound.within(
                Duration.ZERO,
                () -> {
                  lookUps.incrementAndGet();
                  return Optional.<String>empty();
                }))
        .isEmpty();
    assertThat(lookUps).hasValue(1);
  }
}
