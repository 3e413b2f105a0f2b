package kz.forumpulse.registration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts {@link SwitchablePublisher} in front of the outbox relay of the shared test context. */
@TestConfiguration(proxyBeanMethods = false)
class FaultInjection {

  @Bean
  @Primary
  SwitchablePublisher switchablePublisher(StreamBridge streamBridge) {
    return new SwitchablePublisher(streamBridge);
  }
}
