package kz.forumpulse.feedback;

import kz.forumpulse.support.outbox.EventPublisher;
import kz.forumpulse.support.outbox.OutboxEntry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The relay's publisher with a switch: while {@link #down()} every publish fails the way an
 * unreachable broker does. Part of every integration test's context (so the cached context is
 * shared); it publishes normally unless a test turns it off, and that test must turn it back on.
 */
public class BrokerSwitch extends EventPublisher {

  private volatile boolean down;

  BrokerSwitch(StreamBridge bridge) {
    super(bridge);
  }

  public void down() {
    down = true;
  }

  public void up() {
    down = false;
  }

  @Override
  public boolean publish(OutboxEntry entry) {
    if (down) {
      throw new IllegalStateException("broker unreachable (test switch)");
    }
    return super.publish(entry);
  }

  /** Publishes even while down: what a relay did just before it crashed. */
  public boolean publishBehindTheSwitch(OutboxEntry entry) {
    return super.publish(entry);
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    @Primary
    BrokerSwitch brokerSwitch(StreamBridge bridge) {
      return new BrokerSwitch(bridge);
    }
  }
}
