package kz.forumpulse.reporting.questions;

import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.forumpulse.reporting.live.AggregateChanged;
import kz.forumpulse.reporting.store.Generation;
import kz.forumpulse.reporting.store.ReportDays;
import kz.forumpulse.reporting.store.SeqGuardedWrites;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Service;

/**
 * Keeps the questions cross-tab: per forum, project, district, role, language, status and day of
 * submission, how many questions there are and how much support they have.
 *
 * <p>It is driven by the question documents the FAQ projection keeps (one per question, written
 * last in each batch): for every event that changed a question, it is told the question as it was
 * and as it is now, and moves the question's count and support from the old cell to the new one.
 * The cells are changed through {@link SeqGuardedWrites}, so each event moves a question exactly
 * once, under redelivery, duplicate publication and replay alike (ADR 0007). A cell holds totals
 * only; its size does not grow with the questions it counts.
 *
 * <p>The question document fields read here: {@code forumId, project, district, role, language,
 * status, askedAt, supportCount} (the support count the latest support event announced).
 */
@Service
public class QuestionStatsProjection {

  /** The report name in live change signals. */
  static final String REPORT = "questions";

  static final String UNKNOWN = "UNKNOWN";

  private final MongoTemplate mongo;
  private final ApplicationEventPublisher changes;
  private final ReportDays days;
  private final Set<String> indexed = ConcurrentHashMap.newKeySet();

  QuestionStatsProjection(MongoTemplate mongo, ApplicationEventPublisher changes, ReportDays days) {
    this.mongo = mongo;
    this.changes = changes;
    this.days = days;
  }

  /** The cell changes of one batch of events to one generation. */
  public Cells cells(Generation gen) {
    ensureIndexes(gen);
    return new Cells(new SeqGuardedWrites(mongo, gen.questionCells()));
  }

  /** Tells live report readers that the forum's cross-tab changed. */
  public void changed(String forumId, Generation gen) {
    changes.publishEvent(new AggregateChanged(forumId, REPORT, gen));
  }

  /** The cell changes of one batch; {@link #write()} them before the questions are written. */
  public final class Cells {
    private final SeqGuardedWrites writes;

    private Cells(SeqGuardedWrites writes) {
      this.writes = writes;
    }

    /**
     * The event at {@code seq} turned question {@code before} (null: it did not exist) into {@code
     * after}.
     */
    public void moved(Document before, Document after, long seq) {
      String from = before == null ? null : cellId(before);
      String to = after == null ? null : cellId(after);
      int supportsBefore = supports(before);
      int supportsAfter = supports(after);
      if (from != null && from.equals(to)) {
        if (supportsAfter != supportsBefore) {
          writes.change(to, seq).inc("supports", supportsAfter - supportsBefore);
        }
        return;
      }
      if (from != null) {
        writes.change(from, seq).inc("count", -1).inc("supports", -supportsBefore);
      }
      if (to != null) {
        SeqGuardedWrites.Change change =
            writes.change(to, seq).inc("count", 1).inc("supports", supportsAfter);
        change.setOnInsert("forumId", after.getString("forumId"));
        for (String part : DIMENSIONS) {
          change.setOnInsert(part, part(after, part));
        }
      }
    }

    public void write() {
      writes.write();
    }
  }

  private static final List<String> DIMENSIONS =
      List.of("project", "district", "role", "language", "status", "day");

  private void ensureIndexes(Generation gen) {
    if (indexed.add(gen.id())) {
      mongo
          .indexOps(gen.questionCells())
          .createIndex(new Index().on("forumId", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
    }
  }

  /** The cell a question belongs in; each part escaped so no two cells share an id. */
  String cellId(Document question) {
    StringBuilder id = new StringBuilder(escape(question.getString("forumId")));
    for (String part : DIMENSIONS) {
      id.append('|').append(escape(part(question, part)));
    }
    return id.toString();
  }

  private String part(Document question, String part) {
    if ("day".equals(part)) {
      Date askedAt = question.getDate("askedAt");
      return askedAt == null ? UNKNOWN : days.of(askedAt.toInstant());
    }
    return dimension(question.getString(part));
  }

  private static int supports(Document question) {
    Number n = question == null ? null : question.get("supportCount", Number.class);
    return n == null ? 0 : n.intValue();
  }

  static String dimension(String value) {
    return value == null || value.isBlank() ? UNKNOWN : value;
  }

  private static String escape(String part) {
    return part.replace("%", "%25").replace("|", "%7C");
  }
}
