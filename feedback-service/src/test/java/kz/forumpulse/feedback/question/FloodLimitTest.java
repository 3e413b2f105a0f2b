package kz.forumpulse.feedback.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.forumpulse.mongoemulator.NarrowingMemoryBackend;
import kz.forumpulse.testsupport.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The flood limit's one conditional update, on the database the local stack and the benchmark use:
 * a sliding window, exact under concurrency, and compatible with logs the earlier read-then-replace
 * version stored.
 */
class FloodLimitTest {

  private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

  private MongoServer server;
  private MongoClient client;
  private MongoTemplate mongo;
  private final MutableClock clock = new MutableClock(START);

  @BeforeEach
  void start() {
    server = new MongoServer(new NarrowingMemoryBackend());
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    mongo = new MongoTemplate(client, "flood");
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void allowsMaxPerWindowAndFreesASlotWhenTheOldestLeavesIt() {
    FloodLimit limit = new FloodLimit(mongo, clock, 3, Duration.ofMinutes(10));
    limit.acquire("f", "p");
    clock.set(START.plusSeconds(60));
    limit.acquire("f", "p");
    limit.acquire("f", "p");

    clock.set(START.plusSeconds(120));
    assertThatThrownBy(() -> limit.acquire("f", "p"))
        .isInstanceOfSatisfying(
            FloodLimitExceeded.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(480)));
    // The refusal did not use up anything: still refused a second before the first leaves.
    clock.set(START.plusSeconds(599));
    assertThatThrownBy(() -> limit.acquire("f", "p"))
        .isInstanceOfSatisfying(
            FloodLimitExceeded.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));

    // Ten minutes after the first question, one more fits, and only one.
    clock.set(START.plusSeconds(600));
    limit.acquire("f", "p");
    assertThatThrownBy(() -> limit.acquire("f", "p")).isInstanceOf(FloodLimitExceeded.class);
    // Another participant, or the same one in another forum, has an allowance of their own.
    limit.acquire("f", "q");
    limit.acquire("g", "p");

    Document stored = mongo.findById("f/p", Document.class, FloodLimit.COLLECTION);
    assertThat(stored.getList("log", Date.class))
        .extracting(Date::toInstant)
        .containsExactly(START.plusSeconds(60), START.plusSeconds(60), START.plusSeconds(600));
    assertThat(stored.getDate("expiresAt").toInstant()).isEqualTo(START.plusSeconds(1200));
  }

  @Test
  void concurrentQuestionsOfOneParticipantGetExactlyTheAllowance() throws Exception {
    FloodLimit limit = new FloodLimit(mongo, clock, 10, Duration.ofMinutes(10));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> attempts = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        attempts.add(
            () -> {
              try {
                limit.acquire("f", "p");
                return true;
              } catch (FloodLimitExceeded refused) {
                return false;
              }
            });
      }
      int allowed = 0;
      for (Future<Boolean> attempt : pool.invokeAll(attempts)) {
        if (attempt.get()) {
          allowed++;
        }
      }
      assertThat(allowed).isEqualTo(10);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void countsOnALogTheEarlierVersionStored() {
    // Written by the read-then-replace version: a revision, times inside the window only.
    mongo.insert(
        new Document("_id", "f/p")
            .append(
                "log",
                List.of(
                    Date.from(START.minusSeconds(300)),
                    Date.from(START.minusSeconds(200)),
                    Date.from(START.minusSeconds(100))))
            .append("rev", 3L)
            .append("expiresAt", Date.from(START.plusSeconds(500))),
        FloodLimit.COLLECTION);
    FloodLimit limit = new FloodLimit(mongo, clock, 4, Duration.ofMinutes(10));

    limit.acquire("f", "p");
    assertThatThrownBy(() -> limit.acquire("f", "p"))
        .isInstanceOfSatisfying(
            FloodLimitExceeded.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(300)));
  }
}
