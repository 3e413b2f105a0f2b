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

  /** Moderators' curation actions per forum, applied on top of the automatic groups. */
  public String curation() {
    return "faq_curation_" + id;
  }
}
