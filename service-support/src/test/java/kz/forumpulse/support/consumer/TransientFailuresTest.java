package kz.forumpulse.support.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

class TransientFailuresTest {

  @Test
  void anUnreachableDatabaseIsWaitedOutUntilTheEventIsApplied() {
    AtomicInteger attempts = new AtomicInteger();

    TransientFailures.retryUntilDone(
        () -> {
          int attempt = attempts.incrementAndGet();
          if (attempt == 1) {
            throw new DataAccessResourceFailureException("down");
          }
          if (attempt == 2) {
            // As the driver throws it, wrapped in something that is not transient by itself.
            throw new IllegalStateException(
                new MongoSocketOpenException("refused", new ServerAddress("localhost", 1)));
          }
        });

    assertThat(attempts).hasValue(3);
  }

  @Test
  void anyOtherFailureIsThrownAtOnceForTheDeadLetterTopic() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                TransientFailures.retryUntilDone(
                    () -> {
                      attempts.incrementAndGet();
                      throw new DataIntegrityViolationException("refused for good");
                    }))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(attempts).hasValue(1);
  }
}
