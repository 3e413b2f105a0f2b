package kz.forumpulse.reporting.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.forumpulse.events.QuestionEvent;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.reporting.ReportingIntegrationTest;
import kz.forumpulse.reporting.live.AggregateChanged;
import kz.forumpulse.reporting.store.Generation;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The projection applied directly to a private generation, so each test sees only its own events
 * and can stop the projection between its steps the way a crash would.
 */
@ReportingIntegrationTest
@RecordApplicationEvents
class QuestionStatsProjectionTest {

  static final QuestionsFilter ALL = new QuestionsFilter(null, null, null, null, null, null, null);

  @Autowired QuestionStatsProjection projection;
  @Autowired QuestionsReports reports;
  @Autowired MongoTemplate mongo;
  @Autowired ApplicationEvents published;

  final Generation gen = new Generation("qstats" + UUID.randomUUID().toString().replace("-", ""));
  final QuestionEvents events = new QuestionEvents("qs-" + UUID.randomUUID());

  @AfterEach
  void dropGeneration() {
    mongo.dropCollection(gen.questionCells());
    mongo.dropCollection(gen.questionPlacements());
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
    assertExactlyOnePlacementPerQuestion(3);
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
    assertExactlyOnePlacementPerQuestion(2);
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
    assertExactlyOnePlacementPerQuestion(1);
  }

  @Test
  void aCrashAfterRecordingTheEventIsCompletedByTheRedelivery() {
    QuestionSubmitted q = submitted("PUBLISHED");
    apply(q);
    QuestionEvent answered = events.answered(q);
    projection.record(answered, gen);

    projection.apply(answered, gen);

    assertThat(report().byStatus()).isEqualTo(Map.of("ANSWERED", 1L));
    assertExactlyOnePlacementPerQuestion(1);
  }

  @Test
  void aCrashBetweenAddingToTheNewCellAndLeavingTheOldIsCompletedByTheRedelivery() {
    QuestionSubmitted q = submitted("PUBLISHED");
    apply(q, events.supported(q, 3));
    QuestionEvent answered = events.answered(q);
    Document placement = projection.record(answered, gen);
    String target = QuestionStatsProjection.cellId(placement);
    projection.note(q.questionId().value(), target, gen);
    projection.add(placement, target, 3, gen);
    // The question is in both cells now; the report is wrong until the redelivery.
    assertThat(report().total()).isEqualTo(2);

    projection.apply(answered, gen);

    QuestionsReport report = report();
    assertThat(report.byStatus()).isEqualTo(Map.of("ANSWERED", 1L));
    assertThat(report.supports()).isEqualTo(3);
    assertExactlyOnePlacementPerQuestion(1);
  }

  @Test
  void aCrashAfterLeavingTheOldCellButBeforeForgettingItIsHarmless() {
    QuestionSubmitted q = submitted("PUBLISHED");
    String old = QuestionStatsProjection.cellId(projection.record(q, gen));
    apply(q, events.supported(q, 2));
    QuestionEvent rejected = events.rejected(q);
    Document placement = projection.record(rejected, gen);
    String target = QuestionStatsProjection.cellId(placement);
    projection.note(q.questionId().value(), target, gen);
    projection.add(placement, target, 2, gen);
    projection.remove(q.questionId().value(), old, gen);

    projection.apply(rejected, gen);
    projection.apply(rejected, gen);

    assertThat(report().byStatus()).isEqualTo(Map.of("REJECTED", 1L));
    assertThat(report().supports()).isEqualTo(2);
    assertExactlyOnePlacementPerQuestion(1);
  }

  @Test
  void aMoveLeftHalfDoneIsFinishedByTheQuestionsNextEventEvenWithoutRedelivery() {
    QuestionSubmitted q = submitted("PENDING_MODERATION");
    apply(q);
    // The approval reached its new cell, then its record went to the dead-letter topic.
    QuestionEvent approved = events.approved(q);
    Document placement = projection.record(approved, gen);
    String approvedCell = QuestionStatsProjection.cellId(placement);
    projection.note(q.questionId().value(), approvedCell, gen);
    projection.add(placement, approvedCell, 0, gen);

    apply(events.answered(q));

    assertThat(report().byStatus()).isEqualTo(Map.of("ANSWERED", 1L));
    assertExactlyOnePlacementPerQuestion(1);
  }

  @Test
  void anInstanceStillHoldingAnOlderStateDuringARebalanceLeavesNothingBehind() {
    QuestionSubmitted q = submitted("PUBLISHED");
    apply(q, events.supported(q, 1));
    // The old owner of the partition has recorded the answer and read the placement...
    Document stale = projection.record(events.answered(q), gen);
    // ...when the new owner applies the withdrawal and the last support, start to end.
    apply(events.withdrawn(q), events.supported(q, 2));

    projection.place(stale, gen);

    QuestionsReport report = report();
    assertThat(report.byStatus()).isEqualTo(Map.of("WITHDRAWN", 1L));
    assertThat(report.supports()).isEqualTo(2);
    assertExactlyOnePlacementPerQuestion(1);
  }

  @Test
  void aCrashBeforeTheSupportTotalMovedIsCompletedByTheRedelivery() {
    QuestionSubmitted q = submitted("PUBLISHED");
    apply(q, events.supported(q, 1));
    QuestionEvent second = events.supported(q, 2);
    projection.record(second, gen);
    assertThat(report().supports()).isEqualTo(1);

    projection.apply(second, gen);
    projection.apply(second, gen);

    assertThat(report().supports()).isEqualTo(2);
  }

  @Test
  void eventsOfUnknownQuestionsAndEditsLeaveTheCrossTabAlone() {
    QuestionSubmitted known = submitted("PUBLISHED");
    QuestionSubmitted neverArrived = submitted("PUBLISHED");
    apply(known, events.edited(known), events.answered(neverArrived));

    assertThat(report().byStatus()).isEqualTo(Map.of("PUBLISHED", 1L));
    assertThat(mongo.count(new Query(), gen.questionPlacements())).isEqualTo(1);
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
    QuestionSubmitted b =
        events.submitted("AUYL", "BURLIN", "DEPUTY", "kk", "PUBLISHED", "2026-03-01T23:59:00Z");
    QuestionSubmitted c =
        events.submitted("ROADS", "TEREKTI", "DEPUTY", "ru", "PUBLISHED", "2026-03-02T00:00:00Z");
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

  private void apply(QuestionEvent... sequence) {
    for (QuestionEvent event : sequence) {
      projection.apply(event, gen);
    }
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
   * The stored state itself, beyond the report's sums: every question is a member of exactly one
   * cell, noted as its only cell, and each cell's totals equal what it holds per question.
   */
  private void assertExactlyOnePlacementPerQuestion(int questions) {
    Map<String, Integer> memberships = new HashMap<>();
    for (Document cell : mongo.findAll(Document.class, gen.questionCells())) {
      List<String> members = cell.getList("members", String.class, List.of());
      members.forEach(m -> memberships.merge(m, 1, Integer::sum));
      assertThat(cell.getInteger("count")).isEqualTo(members.size());
      Document supportsOf = cell.get("supportsOf", Document.class);
      int held =
          supportsOf == null
              ? 0
              : supportsOf.values().stream().mapToInt(v -> ((Number) v).intValue()).sum();
      assertThat(cell.getInteger("supports")).isEqualTo(held);
      assertThat(supportsOf == null ? 0 : supportsOf.size()).isEqualTo(members.size());
    }
    assertThat(memberships).hasSize(questions).allSatisfy((q, n) -> assertThat(n).isOne());
    for (Document placement : mongo.findAll(Document.class, gen.questionPlacements())) {
      String questionId = placement.getString("_id");
      String cell = QuestionStatsProjection.cellId(placement);
      assertThat(placement.getList("cells", String.class)).containsExactly(cell);
      assertThat(
              mongo.exists(
                  Query.query(Criteria.where("_id").is(cell).and("members").is(questionId)),
                  gen.questionCells()))
          .isTrue();
    }
  }
}
