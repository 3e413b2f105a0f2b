package kz.forumpulse.registration;

import kz.forumpulse.support.outbox.KafkaPublishing;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/** Puts {@link SwitchablePublisher} in front of the outbox relay of the shared test context. */
@TestConfiguration(proxyBeanMethods = false)
class FaultInjection {

  @Bean
  @Primary
  SwitchablePublisher switchablePublisher(Environment env) {
    return new SwitchablePublisher(KafkaPublishing.from(env));
  }
}
