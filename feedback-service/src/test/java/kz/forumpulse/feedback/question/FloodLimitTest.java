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
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantCancelled;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.feedback.Fixtures;
import kz.forumpulse.feedback.participant.Participant;
import kz.forumpulse.feedback.participant.ParticipantDirectory;
import kz.forumpulse.mongoemulator.NarrowingMemoryBackend;
import kz.forumpulse.support.web.ApiProblem;
import kz.forumpulse.testsupport.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;

/**
 * The flood limit's one conditional update on the participant's document, on the database the local
 * stack and the benchmark use: it finds the participant and counts the question at once, is a
 * sliding window, exact under concurrency, and tells an unknown code or a participant who may not
 * ask from one who asked too much.
 */
class FloodLimitTest {

  private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

  private MongoServer server;
  private MongoClient client;
  private MongoTemplate mongo;
  private ParticipantDirectory participants;
  private final MutableClock clock = new MutableClock(START);

  @BeforeEach
  void start() {
    server = new MongoServer(new NarrowingMemoryBackend());
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    mongo = new MongoTemplate(client, "flood");
    participants =
        new ParticipantDirectory(mongo, Duration.ofMillis(300), Duration.ofSeconds(1), e -> {});
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  private FloodLimit limit(int max) {
    return new FloodLimit(participants, mongo, clock, max, Duration.ofMinutes(10));
  }

  /** Registers a participant of this forum; returns their id. */
  private String register(String forumId, String code) {
    String id = UUID.randomUUID().toString();
    participants.apply(Fixtures.registered(forumId, id, code, START));
    return id;
  }

  private List<Instant> log(String participantId) {
    Document stored = mongo.findById(participantId, Document.class, "participants");
    return stored.getList(FloodLimit.LOG, Date.class).stream().map(Date::toInstant).toList();
  }

  @Test
  void allowsMaxPerWindowAndFreesASlotWhenTheOldestLeavesIt() {
    String p = register("f", "CODE-P");
    register("f", "CODE-Q");
    register("g", "CODE-G");
    FloodLimit limit = limit(3);
    assertThat(limit.acquire("f", "code-p").id()).isEqualTo(p);
    clock.set(START.plusSeconds(60));
    limit.acquire("f", "CODE-P");
    Participant counted = limit.acquire("f", "CODE-P");
    assertThat(counted.fullName()).isEqualTo("Айгуль Серикова");
    assertThat(counted.district()).isEqualTo("TEREKTI");

    clock.set(START.plusSeconds(120));
    assertThatThrownBy(() -> limit.acquire("f", "CODE-P"))
        .isInstanceOfSatisfying(
            FloodLimitExceeded.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(480)));
    // The refusal did not use up anything: still refused a second before the first leaves.
    clock.set(START.plusSeconds(599));
    assertThatThrownBy(() -> limit.acquire("f", "CODE-P"))
        .isInstanceOfSatisfying(
            FloodLimitExceeded.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));

    // Ten minutes after the first question, one more fits, and only one.
    clock.set(START.plusSeconds(600));
    limit.acquire("f", "CODE-P");
    assertThatThrownBy(() -> limit.acquire("f", "CODE-P")).isInstanceOf(FloodLimitExceeded.class);
    // Another participant, or one in another forum, has an allowance of their own.
    limit.acquire("f", "CODE-Q");
    limit.acquire("g", "CODE-G");

    assertThat(log(p))
        .containsExactly(START.plusSeconds(60), START.plusSeconds(60), START.plusSeconds(600));
  }

  @Test
  void concurrentQuestionsOfOneParticipantGetExactlyTheAllowance() throws Exception {
    String p = register("f", "CODE-P");
    FloodLimit limit = limit(10);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> attempts = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        attempts.add(
            () -> {
              try {
                limit.acquire("f", "CODE-P");
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
      assertThat(log(p)).hasSize(10);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anUnknownCodeOrAParticipantWhoMayNotAskIsRefusedAndNothingIsCounted() {
    String p = register("f", "CODE-P");
    FloodLimit limit = limit(3);
    assertThatThrownBy(() -> limit.acquire("f", "NO-SUCH-CODE"))
        .isInstanceOfSatisfying(
            ApiProblem.class, e -> assertThat(e.code()).isEqualTo("unknownParticipantCode"));
    // The right code in another forum is no code there.
    assertThatThrownBy(() -> limit.acquire("g", "CODE-P"))
        .isInstanceOfSatisfying(
            ApiProblem.class, e -> assertThat(e.code()).isEqualTo("unknownParticipantCode"));
    limit.acquire("f", "CODE-P");

    participants.apply(
        new ParticipantCancelled(
            UUID.randomUUID(),
            1,
            START,
            ForumId.of("f"),
            ParticipantId.of(p),
            "CANCELLED",
            "REGISTERED"));
    assertThatThrownBy(() -> limit.acquire("f", "CODE-P"))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
              assertThat(e.code()).isEqualTo("participantMayNotAsk");
            });
    assertThat(log(p)).containsExactly(START);
  }
}
