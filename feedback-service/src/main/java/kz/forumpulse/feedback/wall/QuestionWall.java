package kz.forumpulse.feedback.wall;

import java.time.Instant;
import java.util.List;
import kz.forumpulse.feedback.forum.ForumCatalogue;
import kz.forumpulse.feedback.question.Question;
import kz.forumpulse.feedback.question.QuestionStatus;
import kz.forumpulse.feedback.question.QuestionStore;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * The public question wall: published questions only (pending, rejected and withdrawn ones never
 * show), anonymous ones without a name, and nothing that identifies a participant.
 */
@Service
class QuestionWall {

  static final int MAX_PAGE_SIZE = 100;

  private final QuestionStore store;
  private final ForumCatalogue forums;

  QuestionWall(QuestionStore store, ForumCatalogue forums) {
    this.store = store;
    this.forums = forums;
  }

  WallPage page(String forumId, String project, String session, WallSort sort, int page, int size) {
    forums.require(forumId);
    int safePage = Math.max(page, 0);
    int safeSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
    Criteria criteria =
        Criteria.where("forumId").is(forumId).and("status").is(QuestionStatus.PUBLISHED);
    if (project != null && !project.isBlank()) {
      criteria = criteria.and("project").is(project);
    }
    if (session != null && !session.isBlank()) {
      criteria = criteria.and("sessionId").is(session);
    }
    Sort order =
        switch (sort) {
          case SUPPORTED ->
              Sort.by(Sort.Order.desc("supportCount"), Sort.Order.desc("submittedAt"));
          case NEWEST -> Sort.by(Sort.Order.desc("submittedAt"));
        };
    List<WallQuestion> items =
        store.page(criteria, order, safePage, safeSize).stream().map(WallQuestion::of).toList();
    return new WallPage(items, safePage, safeSize, store.count(criteria));
  }

  enum WallSort {
    SUPPORTED,
    NEWEST
  }

  record WallPage(List<WallQuestion> items, int page, int size, long total) {}

  /** A question on the wall. {@code authorName} is null for anonymous questions. */
  record WallQuestion(
      String id,
      String project,
      String sessionId,
      String text,
      String language,
      boolean anonymous,
      String authorName,
      int supportCount,
      Instant submittedAt,
      Question.Answer answer) {

    static WallQuestion of(Question q) {
      return new WallQuestion(
          q.id(),
          q.project(),
          q.sessionId(),
          q.text(),
          q.language(),
          q.anonymous(),
          q.anonymous() ? null : q.authorName(),
          q.supportCount(),
          q.submittedAt(),
          q.answer());
    }
  }
}
