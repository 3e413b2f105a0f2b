package kz.forumpulse.reporting.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.forumpulse.events.QuestionEvent;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.reporting.ReportingIntegrationTest;
import kz.forumpulse.reporting.faq.FaqProjection;
import kz.forumpulse.reporting.live.AggregateChanged;
import kz.forumpulse.reporting.store.Generation;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The question projections applied directly to a private generation, so each test sees only its own
 * events and can put documents back the way a crash between two writes would have left them.
 */
@ReportingIntegrationTest
@RecordApplicationEvents
class QuestionStatsProjectionTest {

  static final QuestionsFilter ALL = new QuestionsFilter(null, null, null, null, null, null, null);

  @Autowired FaqProjection faq;
  @Autowired QuestionStatsProjection questionStats;
  @Autowired QuestionsReports reports;
  @Autowired MongoTemplate mongo;
  @Autowired ApplicationEvents published;

  final Generation gen = new Generation("qstats" + UUID.randomUUID().toString().replace("-", ""));
  final QuestionEvents events = new QuestionEvents("qs-" + UUID.randomUUID());
  long offset = 100;

  @AfterEach
  void dropGeneration() {
    mongo.dropCollection(gen.questionCells());
    mongo.dropCollection(gen.questions());
    mongo.dropCollection(gen.groups());
    mongo.dropCollection(gen.faqEvents());
  }

  @Test
  void countsMoveBetweenStatusCellsAsModerationAndAnswersHappen() {
    QuestionSubmitted pending = submitted("PENDING_MODERATION");
    QuestionSubmitted rejected = submitted("PUBLISHED");
    QuestionSubmitted withdrawn = submitted("PUBLISHED");
    apply(pending, rejected, withdrawn);
    assertThat(report().byStatus()).isEqualTo(Map.of("PENDING_MODERATION", 1L, "PUBLISHED", 2L));
    assertThat(report().open()).isEqualTo(3);

    apply(events.approved(pending), events.rejected(rejected));
    assertThat(report().byStatus())
        .isEqualTo(Map.of("APPROVED", 1L, "REJECTED", 1L, "PUBLISHED", 1L));

    apply(events.answered(pending), events.withdrawn(withdrawn));
    QuestionsReport report = report();
    assertThat(report.byStatus())
        .isEqualTo(Map.of("ANSWERED", 1L, "REJECTED", 1L, "WITHDRAWN", 1L));
    assertThat(report.total()).isEqualTo(3);
    assertThat(report.answered()).isEqualTo(1);
    assertThat(report.open()).isZero();
    assertCellsCountTheirQuestions(3);
  }

  @Test
  void supportFollowsItsQuestionIntoTheNewCell() {
    QuestionSubmitted q = submitted("PUBLISHED");
    QuestionSubmitted other = submitted("PUBLISHED");
    apply(q, other, events.supported(q, 1), events.supported(q, 2), events.supported(other, 1));
    assertThat(report().supports()).isEqualTo(3);

    apply(events.supportWithdrawn(q, 1), events.answered(q));
    QuestionsReport report = report();
    assertThat(report.supports()).isEqualTo(2);
    assertThat(cell(report, "ANSWERED").supports()).isEqualTo(1);
    assertThat(cell(report, "PUBLISHED").supports()).isEqualTo(1);

    apply(events.supportWithdrawn(q, 0));
    assertThat(cell(report(), "ANSWERED").supports()).isZero();
    assertCellsCountTheirQuestions(2);
  }

  @Test
  void aRedeliveredOrRepublishedEventChangesNothing() {
    QuestionSubmitted q = submitted("PENDING_MODERATION");
    QuestionEvent approved = events.approved(q);
    QuestionEvent firstSupport = events.supported(q, 1);
    apply(q, q, approved, approved, firstSupport, firstSupport);
    apply(events.supported(q, 2), events.answered(q));
    QuestionsReport before = report();

    // Republished by the relay at later offsets: older facts must not roll the newer ones back.
    apply(q, approved, firstSupport);

    assertThat(report()).isEqualTo(before);
    assertThat(before.byStatus()).isEqualTo(Map.of("ANSWERED", 1L));
    assertThat(before.supports()).isEqualTo(2);
    assertCellsCountTheirQuestions(1);
  }

  @Test
  void aCrashBeforeTheQuestionsWereWrittenIsCompletedByTheRedelivery() {
    QuestionSubmitted q = submitted("PUBLISHED");
    apply(q, events.supported(q, 3));
    Document asItWas = question(q);
    QuestionEvent answered = events.answered(q);
    long at = apply(answered);
    // The cells were moved, then the crash came before the question document was written.
    mongo.save(asItWas, gen.questions());

    faq.apply(answered, at, gen);

    QuestionsReport report = report();
    assertThat(report.byStatus()).isEqualTo(Map.of("ANSWERED", 1L));
    assertThat(report.supports()).isEqualTo(3);
    assertCellsCountTheirQuestions(1);
  }

  @Test
  void aCrashHalfWayThroughTheCellsIsCompletedByTheRedelivery() {
    QuestionSubmitted q = submitted("PUBLISHED");
    QuestionSubmitted other = submitted("PUBLISHED");
    apply(q, other, events.supported(q, 2));
    Document asItWas = question(q);
    String oldCell = questionStats.cellId(asItWas);
    Document oldCellAsItWas = mongo.findById(oldCell, Document.class, gen.questionCells());
    QuestionEvent rejected = events.rejected(q);
    long at = apply(rejected);
    // Only the new cell was written: the old cell and the question are as they were.
    mongo.save(oldCellAsItWas, gen.questionCells());
    mongo.save(asItWas, gen.questions());
    assertThat(report().total()).isEqualTo(3);

    faq.apply(rejected, at, gen);
    faq.apply(rejected, at, gen);

    QuestionsReport report = report();
    assertThat(report.byStatus()).isEqualTo(Map.of("REJECTED", 1L, "PUBLISHED", 1L));
    assertThat(report.supports()).isEqualTo(2);
    assertCellsCountTheirQuestions(2);
  }

  @Test
  void aRedeliveryCutIntoOtherBatchesChangesNothing() {
    QuestionSubmitted a = submitted("PENDING_MODERATION");
    QuestionSubmitted b = submitted("PUBLISHED");
    List<FaqProjection.Sequenced> batch =
        sequence(
            a,
            b,
            events.approved(a),
            events.supported(a, 1),
            events.supported(b, 1),
            events.supported(a, 2),
            events.answered(b),
            events.supportWithdrawn(a, 1));
    faq.apply(batch, gen);
    QuestionsReport once = report();

    faq.apply(batch.subList(0, 3), gen);
    faq.apply(batch.subList(3, 8), gen);
    batch.forEach(s -> faq.apply(s.event(), s.seq(), gen));
    faq.apply(batch.subList(2, 6), gen);

    assertThat(report()).isEqualTo(once);
    assertThat(once.byStatus()).isEqualTo(Map.of("APPROVED", 1L, "ANSWERED", 1L));
    assertThat(once.supports()).isEqualTo(2);
    assertCellsCountTheirQuestions(2);
  }

  @Test
  void twoInstancesApplyingTheSameBatchDuringARebalanceCountItOnce() throws Exception {
    List<QuestionEvent> all = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      QuestionSubmitted q = submitted(i % 3 == 0 ? "PENDING_MODERATION" : "PUBLISHED");
      all.add(q);
      all.add(events.supported(q, 1));
      all.add(i % 2 == 0 ? events.answered(q) : events.rejected(q));
    }
    List<FaqProjection.Sequenced> batch = sequence(all.toArray(QuestionEvent[]::new));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> faq.apply(batch, gen));
      var second = pool.submit(() -> faq.apply(batch, gen));
      first.get();
      second.get();
    } finally {
      pool.shutdown();
    }

    QuestionsReport report = report();
    assertThat(report.byStatus()).isEqualTo(Map.of("ANSWERED", 15L, "REJECTED", 15L));
    assertThat(report.supports()).isEqualTo(30);
    assertCellsCountTheirQuestions(30);
  }

  @Test
  void eventsOfUnknownQuestionsAndEditsLeaveTheCrossTabAlone() {
    QuestionSubmitted known = submitted("PUBLISHED");
    QuestionSubmitted neverArrived = submitted("PUBLISHED");
    apply(known, events.edited(known), events.answered(neverArrived));

    assertThat(report().byStatus()).isEqualTo(Map.of("PUBLISHED", 1L));
    assertThat(mongo.count(new Query(), gen.questions())).isEqualTo(1);
    assertCellsCountTheirQuestions(1);
  }

  @Test
  void signalsLiveReportsOnEveryChange() {
    apply(submitted("PUBLISHED"));

    assertThat(published.stream(AggregateChanged.class))
        .anyMatch(
            c ->
                c.forumId().equals(events.forumId)
                    && c.report().equals(QuestionStatsProjection.REPORT)
                    && c.generation().equals(gen));
  }

  @Test
  void breaksDownByEveryDimensionAndFiltersCombine() {
    QuestionSubmitted a =
        events.submitted(
            "AUYL", "TEREKTI", "RURAL_AKIM", "ru", "PUBLISHED", "2026-03-01T05:00:00Z");
    // Days are Almaty's (UTC+5): b is asked at 23:59 on the 1st there, c at midnight of the 2nd.
    QuestionSubmitted b =
        events.submitted("AUYL", "BURLIN", "DEPUTY", "kk", "PUBLISHED", "2026-03-01T18:59:00Z");
    QuestionSubmitted c =
        events.submitted("ROADS", "TEREKTI", "DEPUTY", "ru", "PUBLISHED", "2026-03-01T19:00:00Z");
    QuestionSubmitted d =
        events.submitted("ROADS", null, "RURAL_AKIM", "kk", "PUBLISHED", "2026-03-03T12:00:00Z");
    apply(a, b, c, d, events.answered(c), events.supported(a, 4), events.supported(c, 1));

    QuestionsReport all = report();
    assertThat(all.total()).isEqualTo(4);
    assertThat(all.answered()).isEqualTo(1);
    assertThat(all.open()).isEqualTo(3);
    assertThat(all.supports()).isEqualTo(5);
    assertThat(all.byProject()).isEqualTo(Map.of("AUYL", 2L, "ROADS", 2L));
    assertThat(all.byDistrict()).isEqualTo(Map.of("TEREKTI", 2L, "BURLIN", 1L, "UNKNOWN", 1L));
    assertThat(all.byRole()).isEqualTo(Map.of("RURAL_AKIM", 2L, "DEPUTY", 2L));
    assertThat(all.byLanguage()).isEqualTo(Map.of("ru", 2L, "kk", 2L));
    assertThat(all.byDay())
        .isEqualTo(
            Map.of(
                "2026-03-01", new QuestionsReport.Day(2, 0, 2, 4),
                "2026-03-02", new QuestionsReport.Day(1, 1, 0, 1),
                "2026-03-03", new QuestionsReport.Day(1, 0, 1, 0)));
    assertThat(all.cells())
        .containsExactly(
            new QuestionsReport.Cell("AUYL", "BURLIN", "DEPUTY", "kk", "PUBLISHED", 1, 0),
            new QuestionsReport.Cell("AUYL", "TEREKTI", "RURAL_AKIM", "ru", "PUBLISHED", 1, 4),
            new QuestionsReport.Cell("ROADS", "TEREKTI", "DEPUTY", "ru", "ANSWERED", 1, 1),
            new QuestionsReport.Cell("ROADS", "UNKNOWN", "RURAL_AKIM", "kk", "PUBLISHED", 1, 0));

    assertThat(total(filter("ROADS", null, null, null, null, null, null))).isEqualTo(2);
    assertThat(total(filter(null, "TEREKTI", null, null, null, null, null))).isEqualTo(2);
    assertThat(total(filter(null, null, "DEPUTY", null, null, null, null))).isEqualTo(2);
    assertThat(total(filter(null, null, null, "kk", null, null, null))).isEqualTo(2);
    assertThat(total(filter(null, null, null, null, "answered", null, null))).isEqualTo(1);
    assertThat(total(filter(null, "TEREKTI", "DEPUTY", "ru", null, null, null))).isEqualTo(1);
    assertThat(total(filter(null, null, null, null, null, "2026-03-02", null))).isEqualTo(2);
    assertThat(total(filter(null, null, null, null, null, null, "2026-03-01"))).isEqualTo(2);
    assertThat(total(filter(null, null, null, null, null, "2026-03-02", "2026-03-02")))
        .isEqualTo(1);
    assertThat(total(filter("AUYL", null, null, null, null, "2026-03-02", null))).isZero();
    assertThat(reports.questions(events.forumId, ALL, gen).forumId()).isEqualTo(events.forumId);
    assertThat(reports.questions("another-forum", ALL, gen).total()).isZero();
  }

  @Test
  void leavesNoDotsOrPipesToChanceInKeys() {
    QuestionSubmitted odd =
        events.submitted("A|B", "C", "D", "ru", "PUBLISHED", "2026-03-01T05:00:00Z");
    QuestionSubmitted other =
        events.submitted("A", "B|C", "D", "ru", "PUBLISHED", "2026-03-01T05:00:00Z");
    apply(odd, other, events.supported(odd, 2));

    QuestionsReport report = report();
    assertThat(report.byProject()).isEqualTo(Map.of("A|B", 1L, "A", 1L));
    assertThat(report.cells()).hasSize(2);
    assertThat(report.supports()).isEqualTo(2);
  }

  private QuestionSubmitted submitted(String status) {
    return events.submitted(
        "AUYL_AMANATY", "TEREKTI", "RURAL_AKIM", "ru", status, "2026-03-01T09:00:00Z");
  }

  /** Applies the events one batch each, at the next offsets; returns the last offset. */
  private long apply(QuestionEvent... sequence) {
    for (FaqProjection.Sequenced s : sequence(sequence)) {
      faq.apply(s.event(), s.seq(), gen);
    }
    return offset;
  }

  /** The events at the next offsets of the forum's partition. */
  private List<FaqProjection.Sequenced> sequence(QuestionEvent... sequence) {
    List<FaqProjection.Sequenced> out = new java.util.ArrayList<>();
    for (QuestionEvent event : sequence) {
      out.add(new FaqProjection.Sequenced(event, ++offset));
    }
    return out;
  }

  private Document question(QuestionSubmitted q) {
    return mongo.findById(q.questionId().value(), Document.class, gen.questions());
  }

  private QuestionsReport report() {
    return reports.questions(events.forumId, ALL, gen);
  }

  private long total(QuestionsFilter filter) {
    return reports.questions(events.forumId, filter, gen).total();
  }

  private static QuestionsFilter filter(
      String project,
      String district,
      String role,
      String lang,
      String status,
      String from,
      String to) {
    return QuestionsFilter.of(project, district, role, lang, status, from, to);
  }

  private static QuestionsReport.Cell cell(QuestionsReport report, String status) {
    List<QuestionsReport.Cell> cells =
        report.cells().stream().filter(c -> c.status().equals(status)).toList();
    assertThat(cells).hasSize(1);
    return cells.get(0);
  }

  /**
   * The stored state itself, beyond the report's sums: each cell counts exactly the questions whose
   * current state belongs in it, with their support.
   */
  private void assertCellsCountTheirQuestions(int questions) {
    Map<String, long[]> expected = new HashMap<>();
    List<Document> stored = mongo.findAll(Document.class, gen.questions());
    assertThat(stored).hasSize(questions);
    for (Document q : stored) {
      long[] cell = expected.computeIfAbsent(questionStats.cellId(q), k -> new long[2]);
      cell[0]++;
      cell[1] += number(q, "supportCount");
    }
    Map<String, long[]> actual = new HashMap<>();
    for (Document cell : mongo.findAll(Document.class, gen.questionCells())) {
      long count = number(cell, "count");
      long supports = number(cell, "supports");
      if (count != 0 || supports != 0) {
        actual.put(cell.getString("_id"), new long[] {count, supports});
      }
    }
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((id, v) -> assertThat(actual.get(id)).as(id).containsExactly(v));
  }

  private static long number(Document doc, String field) {
    Number n = doc.get(field, Number.class);
    return n == null ? 0 : n.longValue();
  }
}
