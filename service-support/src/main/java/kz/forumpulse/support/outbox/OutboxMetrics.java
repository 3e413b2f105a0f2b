package kz.forumpulse.support.outbox;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The relay's figures for operators: events published ({@code forum_outbox_published_total}),
 * failed publication attempts ({@code forum_outbox_publish_failures_total}) and entries still
 * waiting in the outboxes ({@code forum_outbox_backlog}; NaN while the database is unreachable).
 */
public class OutboxMetrics implements MeterBinder {

  private final OutboxRelay relay;

  public OutboxMetrics(OutboxRelay relay) {
    this.relay = relay;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("forum.outbox.published", relay, OutboxRelay::publishedCount)
        .description("Events the outbox relay published and the broker acknowledged")
        .register(registry);
    FunctionCounter.builder("forum.outbox.publish.failures", relay, OutboxRelay::failureCount)
        .description("Relay rounds that stopped because the broker or the database failed")
        .register(registry);
    Gauge.builder("forum.outbox.backlog", relay, OutboxMetrics::backlogOrNaN)
        .description("Events stored but not yet published")
        .register(registry);
  }

  private static double backlogOrNaN(OutboxRelay relay) {
    try {
      return relay.backlog();
    } catch (RuntimeException unreachable) {
      return Double.NaN;
    }
  }
}
