package kz.forumpulse.feedback;

import java.util.concurrent.CompletableFuture;
import kz.forumpulse.support.outbox.EventPublisher;
import kz.forumpulse.support.outbox.KafkaPublishing;
import kz.forumpulse.support.outbox.OutboxEntry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The relay's publisher with a switch: while {@link #down()} every publish fails the way an
 * unreachable broker does. Part of every integration test's context (so the cached context is
 * shared); it publishes normally unless a test turns it off, and that test must turn it back on.
 */
public class BrokerSwitch extends EventPublisher {

  private volatile boolean down;

  BrokerSwitch(KafkaPublishing kafka) {
    super(kafka);
  }

  public void down() {
    down = true;
  }

  public void up() {
    down = false;
  }

  @Override
  public CompletableFuture<Void> send(OutboxEntry entry) {
    if (down) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("broker unreachable (test switch)"));
    }
    return super.send(entry);
  }

  /** Publishes even while down: what a relay did just before it crashed. */
  public boolean publishBehindTheSwitch(OutboxEntry entry) {
    EventPublisher.await(super.send(entry));
    return true;
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    @Primary
    BrokerSwitch brokerSwitch(Environment env) {
      return new BrokerSwitch(KafkaPublishing.from(env));
    }
  }
}
