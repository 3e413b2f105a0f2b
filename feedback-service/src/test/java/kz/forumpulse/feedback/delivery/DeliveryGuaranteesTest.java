package kz.forumpulse.feedback.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.QuestionId;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.events.Topics;
import kz.forumpulse.feedback.BrokerSwitch;
import kz.forumpulse.feedback.FeedbackIntegrationTest;
import kz.forumpulse.feedback.Fixtures;
import kz.forumpulse.support.outbox.OutboxEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;

/**
 * At-least-once delivery through the outbox: accepted while the broker is unreachable, delivered
 * after a crash before publishing, duplicated only with the same event id, keyed by forum.
 */
@FeedbackIntegrationTest
class DeliveryGuaranteesTest {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;
  @Autowired BrokerSwitch broker;

  @AfterEach
  void brokerBack() {
    broker.up();
  }

  @Test
  void questionsAndVotesAreAcceptedWhileKafkaIsUnreachableAndDeliveredLater() throws Exception {
    Fixtures forum = Fixtures.newForum(mvc);
    Fixtures.Participant asker = forum.register("Айгуль Сапарова");
    Fixtures.Participant supporter = forum.register("Марат Утегенов");

    broker.down();
    String questionId = forum.ask(asker, "OTHER", "Когда будет интернет?");
    mvc.perform(
            post("/api/forums/{f}/questions/{q}/support", forum.forumId, questionId)
                .header("X-Participant-Code", supporter.code()))
        .andExpect(status().isOk());
    // Both are stored with their events waiting in the question's own outbox.
    List<String> pending = pendingEventIds(questionId);
    assertThat(pending).hasSize(2);

    broker.up();
    List<ConsumerRecord<String, byte[]>> records = forum.questionRecords(all -> all.size() >= 2);
    assertThat(records)
        .extracting(r -> new String(r.headers().lastHeader("forum-event-type").value()))
        .containsExactly("QuestionSubmitted", "QuestionSupported");
    assertThat(records).extracting(r -> eventIdOf(r)).containsExactlyElementsOf(pending);
    assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(forum.forumId));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(pendingEventIds(questionId)).isEmpty());
  }

  @Test
  void aQuestionStoredJustBeforeACrashIsPublishedWithItsEventIdAndRepublishedOnlyAsTheSameEvent()
      throws Exception {
    Fixtures forum = Fixtures.newForum(mvc);
    broker.down(); // the relay of the "crashed" instance: it does not run while the scene is set
    // Crash before publish: the document exists with its pending entry, nobody published it.
    String crashedBefore = storeWithPendingEvent(forum.forumId);
    // Crash after publish but before the entry was removed: published once, still pending.
    String crashedAfter = storeWithPendingEvent(forum.forumId);
    OutboxEntry alreadySent = pendingEntry(crashedAfter);
    assertThat(broker.publishBehindTheSwitch(alreadySent)).isTrue();
    broker.up(); // the restarted relay

    List<ConsumerRecord<String, byte[]>> records =
        forum.questionRecords(
            all ->
                all.stream().filter(e -> e.questionId().value().equals(crashedAfter)).count() >= 2
                    && all.stream().anyMatch(e -> e.questionId().value().equals(crashedBefore)));

    assertThat(records)
        .filteredOn(r -> eventIdOf(r).equals(alreadySent.eventId()))
        .hasSize(2)
        .allSatisfy(
            r ->
                assertThat(new String(r.value(), StandardCharsets.UTF_8))
                    .isEqualTo(alreadySent.payload()));
    // Every record of the forum is one of the two events: duplicates only with the same id.
    assertThat(records.stream().map(DeliveryGuaranteesTest::eventIdOf).distinct()).hasSize(2);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(pendingEventIds(crashedBefore)).isEmpty();
              assertThat(pendingEventIds(crashedAfter)).isEmpty();
            });
  }

  private String storeWithPendingEvent(String forumId) {
    String id = UUID.randomUUID().toString();
    QuestionSubmitted event =
        new QuestionSubmitted(
            UUID.randomUUID(),
            QuestionSubmitted.VERSION,
            Instant.now(),
            ForumId.of(forumId),
            QuestionId.of(id),
            ParticipantId.of("p-" + id),
            "OTHER",
            "Вопрос " + id,
            "ru",
            true,
            null,
            "TEREKTI",
            "GUEST",
            "PUBLISHED",
            null);
    OutboxEntry entry = OutboxEntry.of(Topics.QUESTIONS, event);
    mongo.insert(
        new Document("_id", id)
            .append("forumId", forumId)
            .append("participantId", "p-" + id)
            .append("project", "OTHER")
            .append("text", "Вопрос " + id)
            .append("status", "PUBLISHED")
            .append("revision", 0L)
            .append(
                "outbox",
                List.of(
                    new Document("eventId", entry.eventId())
                        .append("topic", entry.topic())
                        .append("key", entry.key())
                        .append("type", entry.type())
                        .append("payload", entry.payload())
                        .append("createdAt", java.util.Date.from(entry.createdAt())))),
        "questions");
    return id;
  }

  private OutboxEntry pendingEntry(String questionId) {
    Document doc = mongo.findById(questionId, Document.class, "questions");
    Document raw = doc.getList("outbox", Document.class).get(0);
    return new OutboxEntry(
        raw.getString("eventId"),
        raw.getString("topic"),
        raw.getString("key"),
        raw.getString("type"),
        raw.getString("payload"),
        null);
  }

  private List<String> pendingEventIds(String questionId) {
    Document doc =
        mongo.findOne(
            Query.query(Criteria.where("_id").is(questionId)), Document.class, "questions");
    return doc.getList("outbox", Document.class, List.of()).stream()
        .map(d -> d.getString("eventId"))
        .toList();
  }

  private static String eventIdOf(ConsumerRecord<String, byte[]> record) {
    return com.jayway.jsonpath.JsonPath.read(
        new String(record.value(), StandardCharsets.UTF_8), "$.eventId");
  }
}
