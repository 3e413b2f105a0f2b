package kz.forumpulse.reporting.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.forumpulse.events.QuestionEdited;
import kz.forumpulse.events.QuestionEvent;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.reporting.ReportingIntegrationTest;
import kz.forumpulse.reporting.TestEvents;
import kz.forumpulse.reporting.store.Generation;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** A rebuild chooses representatives once at the end; the groups must equal the live ones. */
@ReportingIntegrationTest
class DeferredRepresentativesTest {

  @Autowired FaqProjection faq;
  @Autowired MongoTemplate mongo;

  final Generation live = generation();
  final Generation rebuilt = generation();
  final String forumId = "defer-" + UUID.randomUUID();

  static Generation generation() {
    return new Generation("defer" + UUID.randomUUID().toString().replace("-", ""));
  }

  @AfterEach
  void drop() {
    for (Generation gen : List.of(live, rebuilt)) {
      faq.forget(gen);
      mongo.dropCollection(gen.questionCells());
      mongo.dropCollection(gen.questions());
      mongo.dropCollection(gen.groups());
      mongo.dropCollection(gen.faqEvents());
    }
  }

  @Test
  void groupsAreTheSameWhetherRepresentativesAreChosenPerBatchOrOnceAtTheEnd() {
    String[] openings = {"Подскажите, ", "Скажите пожалуйста, ", "", "Вопрос: "};
    String[] asks = {
      "какой срок погашения микрокредита по Ауыл аманаты?",
      "какая ставка по микрокредиту Ауыл аманаты для фермеров?",
      "какие документы нужны для микрокредита?",
      "когда проведут интернет в село?",
      "сколько денег выделят на ремонт дороги в ауле?"
    };
    List<FaqProjection.Sequenced> events = new ArrayList<>();
    List<QuestionSubmitted> submitted = new ArrayList<>();
    long offset = 0;
    for (int i = 0; i < 60; i++) {
      int ask = (i * 7) % asks.length;
      // The first ask's questions are worded alike: the group's representative is its first one.
      String text = ask == 0 ? asks[0] : openings[i % openings.length] + asks[ask];
      QuestionSubmitted q =
          TestEvents.question(forumId, "AUYL_AMANATY", text, i % 2 == 0 ? "TEREKTI" : "SYRYM");
      submitted.add(q);
      events.add(new FaqProjection.Sequenced(q, ++offset));
    }
    // A moderator corrects the wording of the first ask's questions (one is its group's
    // representative): the group must show the new text.
    for (QuestionSubmitted q : submitted) {
      if (q.text().equals(asks[0])) {
        events.add(new FaqProjection.Sequenced(edited(q), ++offset));
      }
    }

    for (int from = 0; from < events.size(); from += 7) {
      faq.apply(events.subList(from, Math.min(events.size(), from + 7)), live);
    }
    faq.deferRepresentatives(rebuilt);
    for (int from = 0; from < events.size(); from += 7) {
      faq.apply(events.subList(from, Math.min(events.size(), from + 7)), rebuilt);
    }
    assertThat(groups(rebuilt)).allSatisfy(g -> assertThat(g).doesNotContainKey("representative"));
    faq.refreshDeferredRepresentatives(rebuilt);

    List<Document> expected = groups(live);
    assertThat(expected).hasSizeGreaterThan(1);
    assertThat(expected).allSatisfy(g -> assertThat(g).containsKey("representative"));
    assertThat(expected.toString()).contains("срок погашения (изменено)");
    assertThat(groups(rebuilt)).isEqualTo(expected);
  }

  private QuestionEvent edited(QuestionSubmitted q) {
    return new QuestionEdited(
        UUID.randomUUID(),
        QuestionEdited.VERSION,
        Instant.now(),
        q.forumId(),
        q.questionId(),
        q.text().replace("срок погашения", "срок погашения (изменено)"),
        q.text(),
        "ru",
        "moderator",
        "typo");
  }

  private List<Document> groups(Generation gen) {
    return mongo.find(new Query().with(Sort.by("_id")), Document.class, gen.groups());
  }
}
