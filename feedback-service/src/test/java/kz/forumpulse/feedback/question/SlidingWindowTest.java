package kz.forumpulse.feedback.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {

  private final SlidingWindow window = new SlidingWindow(3, Duration.ofMinutes(10));
  private final Instant t0 = Instant.parse("2026-12-10T09:00:00Z");

  @Test
  void allowsUpToTheLimitThenRefusesWithTheTimeUntilASlotFrees() {
    List<Instant> log = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      SlidingWindow.Decision d = window.decide(log, t0.plusSeconds(60L * i));
      assertThat(d.allowed()).isTrue();
      log = d.log();
    }
    SlidingWindow.Decision refused = window.decide(log, t0.plusSeconds(150));

    assertThat(refused.allowed()).isFalse();
    // The first question (t0) leaves the window at t0+10min: 450 s after t0+150 s.
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(450));
    assertThat(refused.log()).hasSize(3);
  }

  @Test
  void slidesRatherThanResettingAtABucketBoundary() {
    List<Instant> log = List.of(t0.plusSeconds(540), t0.plusSeconds(550), t0.plusSeconds(560));
    // At t0+10min a fixed bucket would reset; the sliding window still counts all three.
    assertThat(window.decide(log, t0.plusSeconds(600)).allowed()).isFalse();
    // Once the oldest leaves the window, one slot frees, and old entries are forgotten.
    SlidingWindow.Decision later = window.decide(log, t0.plusSeconds(1141));
    assertThat(later.allowed()).isTrue();
    assertThat(later.log())
        .containsExactly(t0.plusSeconds(550), t0.plusSeconds(560), t0.plusSeconds(1141));
  }

  @Test
  void retryAfterIsAtLeastOneSecond() {
    List<Instant> log = List.of(t0, t0, t0);
    SlidingWindow.Decision d = window.decide(log, t0.plus(Duration.ofMinutes(10)).minusMillis(1));
    assertThat(d.allowed()).isFalse();
    assertThat(d.retryAfter()).isEqualTo(Duration.ofSeconds(1));
  }
}
