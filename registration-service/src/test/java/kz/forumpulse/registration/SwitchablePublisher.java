package kz.forumpulse.registration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import kz.forumpulse.support.outbox.EventPublisher;
import kz.forumpulse.support.outbox.KafkaPublishing;
import kz.forumpulse.support.outbox.OutboxEntry;

/**
 * The real publisher (real broker, acks=all) with a switch that makes it behave like an unreachable
 * broker, or like a broker whose acknowledgement got lost after it stored the record. Installed in
 * the one cached test context, so delivery tests need no context of their own.
 */
public class SwitchablePublisher extends EventPublisher {

  /** How the "broker" behaves for the next publish. */
  public enum Mode {
    UP,
    DOWN,
    LOSE_NEXT_ACK
  }

  private volatile Mode mode = Mode.UP;
  private final AtomicInteger failures = new AtomicInteger();

  public SwitchablePublisher(KafkaPublishing kafka) {
    super(kafka);
  }

  public void set(Mode mode) {
    this.mode = mode;
  }

  /** Publish attempts that failed so far. */
  public int failures() {
    return failures.get();
  }

  @Override
  public CompletableFuture<Void> send(OutboxEntry entry) {
    switch (mode) {
      case DOWN -> {
        failures.incrementAndGet();
        // What the producer reports when max.block.ms passes without a broker.
        return CompletableFuture.failedFuture(
            new IllegalStateException(
                "org.apache.kafka.common.errors.TimeoutException (test: broker unreachable)"));
      }
      case LOSE_NEXT_ACK -> {
        // The broker stores it (this waits for its acknowledgement), then the ack is "lost".
        EventPublisher.await(super.send(entry));
        mode = Mode.UP;
        failures.incrementAndGet();
        return CompletableFuture.failedFuture(
            new IllegalStateException("test: broker stored the record but the ack was lost"));
      }
      default -> {
        return super.send(entry);
      }
    }
  }
}
