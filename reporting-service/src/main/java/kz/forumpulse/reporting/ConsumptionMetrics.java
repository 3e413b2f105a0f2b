package kz.forumpulse.reporting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Per topic: events received ({@code forum_events_consumed_total}), applied to the reports ({@code
 * forum_events_applied_total}, redeliveries included: applying twice changes nothing) and
 * dead-lettered ({@code forum_events_dead_lettered_total}: the record could never be applied and
 * went to the dead-letter topic). Consumer lag comes from the Kafka client's own metrics ({@code
 * kafka_consumer_fetch_manager_records_lag_max}).
 */
@Component
class ConsumptionMetrics {

  private final MeterRegistry registry;

  ConsumptionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  Consumer<Message<byte[]>> counted(String topic, Consumer<Message<byte[]>> apply) {
    Counter consumed = counter("forum.events.consumed", "Events received", topic);
    Counter applied = counter("forum.events.applied", "Events applied to the reports", topic);
    Counter dead =
        counter("forum.events.dead.lettered", "Records sent to the dead-letter topic", topic);
    return message -> {
      consumed.increment();
      try {
        apply.accept(message);
      } catch (RuntimeException e) {
        // No blind retries (max-attempts 1): what escapes here is dead-lettered at once.
        dead.increment();
        throw e;
      }
      applied.increment();
    };
  }

  /** Like {@link #counted}, for a batch listener that returns how many records it applied. */
  <T> Consumer<Message<List<T>>> countedBatch(String topic, ToIntFunction<Message<List<T>>> apply) {
    Counter consumed = counter("forum.events.consumed", "Events received", topic);
    Counter applied = counter("forum.events.applied", "Events applied to the reports", topic);
    Counter dead =
        counter("forum.events.dead.lettered", "Records sent to the dead-letter topic", topic);
    return message -> {
      int received = message.getPayload().size();
      consumed.increment(received);
      try {
        applied.increment(apply.applyAsInt(message));
      } catch (BatchListenerFailedException e) {
        // The records before the failed one were applied; it alone is dead-lettered.
        applied.increment(e.getIndex());
        dead.increment();
        throw e;
      }
    };
  }

  private Counter counter(String name, String description, String topic) {
    return Counter.builder(name).description(description).tag("topic", topic).register(registry);
  }
}
