package kz.forumpulse.reporting.store;

/**
 * One complete set of report collections. Live consumers write the active generation; a rebuild
 * fills a fresh one from the topics and then becomes active, so reports are served from the old set
 * until the new one is complete.
 */
public record Generation(String id) {

  public String attendance() {
    return "attendance_participants_" + id;
  }

  public String questions() {
    return "faq_questions_" + id;
  }

  public String groups() {
    return "faq_groups_" + id;
  }

  /**
   * Event id -> the offset it was first applied from, for the FAQ's status and support events: what
   * tells a duplicate publication from a redelivery.
   */
  public String faqEvents() {
    return "faq_events_" + id;
  }

  /**
   * The questions cross-tab: one document per forum, project, district, role, language, status,
   * day.
   */
  public String questionCells() {
    return "question_cells_" + id;
  }

  /** Per forum, a number each change of its FAQ moves on ({@link ReportStamps}). */
  public String stamps() {
    return "report_stamps_" + id;
  }

  /** Moderators' curation actions per forum, applied on top of the automatic groups. */
  public String curation() {
    return "faq_curation_" + id;
  }
}
