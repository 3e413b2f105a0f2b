package kz.forumpulse.reporting.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

  @Test
  void everyChunkReachesTheSinkInOrderOnTheCallersThread() {
    AtomicInteger next = new AtomicInteger();
    List<String> readOn = new CopyOnWriteArrayList<>();
    Supplier<Optional<Integer>> source =
        () -> {
          readOn.add(Thread.currentThread().getName());
          int n = next.getAndIncrement();
          return n < 1000 ? Optional.of(n) : Optional.empty();
        };
    List<Integer> applied = new ArrayList<>();
    Thread caller = Thread.currentThread();
    ReadAhead.run(
        "test-read",
        2,
        source,
        n -> {
          assertThat(Thread.currentThread()).isSameAs(caller);
          applied.add(n);
        });

    assertThat(applied).hasSize(1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(applied.get(i)).isEqualTo(i);
    }
    assertThat(readOn).containsOnly("test-read");
  }

  @Test
  void aFailingSinkStopsTheReaderBeforeRunReturns() {
    AtomicInteger reads = new AtomicInteger();
    List<Thread> readers = new CopyOnWriteArrayList<>();
    Supplier<Optional<Integer>> endless =
        () -> {
          readers.add(Thread.currentThread());
          return Optional.of(reads.incrementAndGet());
        };

    assertThatThrownBy(
            () ->
                ReadAhead.run(
                    "test-read",
                    2,
                    endless,
                    n -> {
                      if (n == 5) {
                        throw new IllegalStateException("database down");
                      }
                    }))
        .hasMessage("database down");

    // The reader has ended: nothing reads the source once run returns.
    assertThat(readers.get(0).isAlive()).isFalse();
    // At most the chunks queued and the one in hand were read past the failing one.
    assertThat(reads.get()).isBetween(5, 5 + 2 + 2);
  }

  @Test
  void aFailingReaderFailsTheRunAfterWhatItReadBefore() {
    AtomicInteger next = new AtomicInteger();
    Supplier<Optional<Integer>> source =
        () -> {
          int n = next.getAndIncrement();
          if (n == 3) {
            throw new IllegalArgumentException("broker unreachable");
          }
          return Optional.of(n);
        };
    List<Integer> applied = new ArrayList<>();

    assertThatThrownBy(() -> ReadAhead.run("test-read", 2, source, applied::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("broker unreachable");
    assertThat(applied).containsExactly(0, 1, 2);
  }

  @Test
  void anErrorInTheReaderIsReportedRatherThanWaitedOnForEver() {
    Supplier<Optional<Integer>> source =
        () -> {
          throw new OutOfMemoryError("simulated");
        };

    assertThatThrownBy(() -> ReadAhead.run("test-read", 2, source, n -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasCauseInstanceOf(OutOfMemoryError.class);
  }
}
