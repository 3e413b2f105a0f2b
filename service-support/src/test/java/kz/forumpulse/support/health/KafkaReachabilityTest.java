package kz.forumpulse.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import kz.forumpulse.support.health.KafkaHealthConfiguration.KafkaReachability;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;

class KafkaReachabilityTest {

  @Test
  void aBrokerThatCannotBeReachedIsDegradedNotDown() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    KafkaReachability kafka =
        new KafkaReachability("127.0.0.1:" + closedPort, Duration.ofSeconds(1));
    try {
      kafka.check();
      Health health = kafka.health();
      assertThat(health.getStatus()).isEqualTo(KafkaHealthConfiguration.DEGRADED);
      assertThat(health.getDetails())
          .containsEntry("brokers", "127.0.0.1:" + closedPort)
          .containsKeys("since", "error");
    } finally {
      kafka.destroy();
    }
  }
}
