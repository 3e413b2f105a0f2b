package kz.forumpulse.reporting.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.QuestionAnswered;
import kz.forumpulse.events.QuestionApproved;
import kz.forumpulse.events.QuestionId;
import kz.forumpulse.events.QuestionRejected;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.events.QuestionSupportWithdrawn;
import kz.forumpulse.events.QuestionSupported;
import kz.forumpulse.reporting.ReportingIntegrationTest;
import kz.forumpulse.reporting.store.Generation;
import kz.forumpulse.reporting.store.ReportStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The FAQ projection applied directly, offset by offset, into a generation of its own: every way
 * Kafka can hand an event over again — the same record after a crash at any step, the same event id
 * at a later offset — must leave the aggregates as one delivery would.
 */
@ReportingIntegrationTest
class FaqExactlyOnceTest {

  @Autowired FaqProjection faq;
  @Autowired MongoTemplate mongo;
  @Autowired ReportStore store;

  final Generation gen = new Generation("exactly-" + UUID.randomUUID().toString().substring(0, 8));
  final String forumId = "once-" + UUID.randomUUID();

  @AfterEach
  void dropGeneration() {
    faq.forget(gen);
    store.drop(gen);
  }

  @Test
  void aRecordDeliveredAgainChangesNothing() {
    QuestionSubmitted q = submitted("Какая ставка по микрокредиту Ауыл аманаты?", "PUBLISHED");
    faq.apply(q, 10, gen);
    faq.apply(q, 10, gen);
    QuestionSupported support = supported(q);
    faq.apply(support, 11, gen);
    faq.apply(support, 11, gen);

    Document group = groupOf(q);
    assertThat(group.getInteger("count")).isEqualTo(1);
    assertThat(group.getInteger("supporters")).isEqualTo(1);
    assertThat(question(q).getInteger("supporters")).isEqualTo(1);
  }

  @Test
  void theSameEventIdAtALaterOffsetIsADuplicate() {
    QuestionSubmitted q = submitted("Какая ставка по микрокредиту Ауыл аманаты?", "PUBLISHED");
    QuestionSupported support = supported(q);
    QuestionSupportWithdrawn withdrawn = withdrawn(q, support.participantId());
    faq.apply(q, 10, gen);
    faq.apply(support, 11, gen);
    faq.apply(withdrawn, 12, gen);
    // the relay republished both after a crash: same ids, new offsets, after the withdrawal
    faq.apply(q, 13, gen);
    faq.apply(support, 14, gen);

    Document group = groupOf(q);
    assertThat(group.getInteger("count")).isEqualTo(1);
    assertThat(group.getInteger("supporters")).isZero();
    assertThat(question(q).getInteger("supporters")).isZero();
  }

  @Test
  void aCrashBetweenTheGroupAndTheQuestionIsCompletedByTheRedelivery() {
    QuestionSubmitted q = submitted("Когда проведут интернет в село?", "PENDING_MODERATION");
    faq.apply(q, 20, gen);
    assertThat(groupExists(q)).isFalse();

    QuestionApproved approved =
        new QuestionApproved(UUID.randomUUID(), 1, Instant.now(), forum(), q.questionId(), "m");
    faq.apply(approved, 21, gen);
    // Undo the last step only, as a crash after the group update would have left it.
    mongo.updateFirst(
        byId(q.questionId().value()),
        new Update().set("status", "PENDING_MODERATION").set("lastSeq", 20L),
        gen.questions());
    faq.apply(approved, 21, gen);

    assertThat(groupOf(q).getInteger("count")).isEqualTo(1);
    assertThat(question(q).getString("status")).isEqualTo("APPROVED");
    assertThat(question(q).get("lastSeq", Number.class).longValue()).isEqualTo(21);
  }

  @Test
  void aCrashBeforeTheGroupIsCompletedByTheRedelivery() {
    QuestionSubmitted q = submitted("Ауылға интернет қашан тартылады?", "PUBLISHED");
    faq.apply(q, 30, gen);
    QuestionAnswered answered =
        new QuestionAnswered(
            UUID.randomUUID(), 1, Instant.now(), forum(), q.questionId(), "В 2027 году", "org");
    // Journal written, then the crash: nothing else changed.
    mongo.insert(
        new Document("_id", answered.eventId().toString()).append("seq", 31L), gen.faqEvents());
    faq.apply(answered, 31, gen);
    faq.apply(answered, 31, gen);

    Document group = groupOf(q);
    assertThat(group.getInteger("count")).isEqualTo(1);
    assertThat(group.getInteger("answered")).isEqualTo(1);
    assertThat(question(q).getString("answer")).isEqualTo("В 2027 году");
  }

  @Test
  void rejectionTakesTheQuestionOutOnceAndTheGroupDoesNotGrowWithItsMembers() {
    QuestionSubmitted first = submitted("Какой срок кредита по Ауыл аманаты?", "PUBLISHED");
    faq.apply(first, 40, gen);
    for (int i = 0; i < 120; i++) {
      faq.apply(submitted("Какой срок кредита по Ауыл аманаты? " + i, "PUBLISHED"), 41 + i, gen);
    }
    int before = groupOf(first).getInteger("count");
    assertThat(before).isGreaterThan(100);
    QuestionRejected rejected =
        new QuestionRejected(
            UUID.randomUUID(), 1, Instant.now(), forum(), first.questionId(), "m", "повтор");
    faq.apply(rejected, 200, gen);
    faq.apply(rejected, 200, gen);
    faq.apply(rejected, 201, gen);

    Document group = groupOf(first);
    assertThat(group.getInteger("count")).isEqualTo(before - 1);
    assertThat(group.get("districts", Document.class).getInteger("TEREKTI")).isEqualTo(before - 1);
    int total =
        mongo
            .find(Query.query(Criteria.where("forumId").is(forumId)), Document.class, gen.groups())
            .stream()
            .mapToInt(g -> g.getInteger("count"))
            .sum();
    assertThat(total).isEqualTo(120);
    // Nothing in the group document is a list of members: its size is independent of the count.
    assertThat(group.values()).noneMatch(v -> v instanceof java.util.List<?>);
  }

  private QuestionSubmitted submitted(String text, String status) {
    return new QuestionSubmitted(
        UUID.randomUUID(),
        QuestionSubmitted.VERSION,
        Instant.now(),
        forum(),
        QuestionId.of(UUID.randomUUID().toString()),
        ParticipantId.of(UUID.randomUUID().toString()),
        "AUYL_AMANATY",
        text,
        "ru",
        true,
        null,
        "TEREKTI",
        "RURAL_AKIM",
        status,
        null);
  }

  private QuestionSupported supported(QuestionSubmitted q) {
    return new QuestionSupported(
        UUID.randomUUID(),
        1,
        Instant.now(),
        forum(),
        q.questionId(),
        ParticipantId.of(UUID.randomUUID().toString()),
        "BURLIN",
        "DEPUTY",
        1);
  }

  private QuestionSupportWithdrawn withdrawn(QuestionSubmitted q, ParticipantId who) {
    return new QuestionSupportWithdrawn(
        UUID.randomUUID(), 1, Instant.now(), forum(), q.questionId(), who, "BURLIN", "DEPUTY", 0);
  }

  private ForumId forum() {
    return ForumId.of(forumId);
  }

  private Document question(QuestionSubmitted q) {
    return mongo.findById(q.questionId().value(), Document.class, gen.questions());
  }

  private Document groupOf(QuestionSubmitted q) {
    Document question = question(q);
    Document group =
        mongo.findOne(
            Query.query(
                Criteria.where("forumId")
                    .is(forumId)
                    .and("groupId")
                    .is(question.getString("groupId"))),
            Document.class,
            gen.groups());
    assertThat(group).as("group of %s", q.questionId()).isNotNull();
    return group;
  }

  private boolean groupExists(QuestionSubmitted q) {
    return mongo.exists(Query.query(Criteria.where("forumId").is(forumId)), gen.groups());
  }

  private static Query byId(String id) {
    return Query.query(Criteria.where("_id").is(id));
  }
}
