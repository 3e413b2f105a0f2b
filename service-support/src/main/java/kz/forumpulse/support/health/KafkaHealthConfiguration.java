package kz.forumpulse.support.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

/**
 * The {@code kafka} health component, part of every service's readiness group.
 *
 * <p>A broker that cannot be reached makes it {@code DEGRADED}, not {@code DOWN}: the services keep
 * accepting writes into their embedded outbox while Kafka is away and publish them when it is back
 * (ADR 0001), and reporting keeps serving the reports it has. Taking an instance out of rotation
 * then would turn a delay into refused writes. So readiness <i>shows</i> the broker — an operator
 * or an alert sees {@code kafka: DEGRADED} — and the service configuration maps DEGRADED to HTTP
 * 200 ({@code management.endpoint.health.status.http-mapping}).
 *
 * <p>The broker is asked in the background every {@code forum.health.kafka.interval}, never on the
 * probe's request thread: a probe must answer at once even while the broker hangs.
 */
@AutoConfiguration
@ConditionalOnClass({HealthIndicator.class, Admin.class})
@ConditionalOnProperty(name = "forum.health.kafka.enabled", matchIfMissing = true)
public class KafkaHealthConfiguration {

  public static final Status DEGRADED = new Status("DEGRADED", "Kafka cannot be reached");

  @Bean(name = "kafkaHealthContributor")
  @ConditionalOnMissingBean(name = "kafkaHealthContributor")
  KafkaReachability kafkaHealthContributor(
      @Value(
              "${spring.cloud.stream.kafka.binder.brokers:${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}}")
          String brokers,
      @Value("${forum.health.kafka.interval:5s}") Duration interval) {
    return new KafkaReachability(brokers, interval);
  }

  /** The last answer of the broker, refreshed in the background. */
  static final class KafkaReachability implements HealthIndicator, DisposableBean {

    private record Seen(boolean reachable, int nodes, Instant since, String error) {}

    private final String brokers;
    private final Admin admin;
    private final ScheduledExecutorService checker;
    private final Duration timeout;
    private final AtomicReference<Seen> seen = new AtomicReference<>();

    KafkaReachability(String brokers, Duration interval) {
      this.brokers = brokers;
      this.timeout =
          interval.compareTo(Duration.ofSeconds(3)) < 0 ? interval : Duration.ofSeconds(3);
      this.admin =
          Admin.create(
              Map.of(
                  AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                  brokers,
                  AdminClientConfig.CLIENT_ID_CONFIG,
                  "health-check",
                  AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                  (int) timeout.toMillis(),
                  AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                  (int) timeout.toMillis(),
                  AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                  2_000));
      this.checker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "kafka-health");
                t.setDaemon(true);
                return t;
              });
      checker.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void check() {
      Seen before = seen.get();
      try {
        int nodes =
            admin
                .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                .nodes()
                .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS)
                .size();
        boolean changed = before == null || !before.reachable();
        seen.set(new Seen(true, nodes, changed ? Instant.now() : before.since(), null));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        boolean changed = before == null || before.reachable();
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        seen.set(
            new Seen(
                false,
                0,
                changed ? Instant.now() : before.since(),
                cause.getClass().getSimpleName()));
      }
    }

    @Override
    public Health health() {
      Seen now = seen.get();
      if (now == null) {
        return Health.unknown().withDetail("brokers", brokers).build();
      }
      Health.Builder health =
          now.reachable() ? Health.up().withDetail("nodes", now.nodes()) : Health.status(DEGRADED);
      health.withDetail("brokers", brokers).withDetail("since", now.since().toString());
      if (now.error() != null) {
        health.withDetail("error", now.error());
      }
      return health.build();
    }

    @Override
    public void destroy() {
      checker.shutdownNow();
      admin.close(Duration.ofSeconds(1));
    }
  }
}
