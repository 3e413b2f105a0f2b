package kz.forumpulse.reporting.faq;

import java.util.List;

/** The FAQ of a forum: groups, most asked first. */
record FaqReport(String forumId, String project, long questions, List<FaqGroupView> groups) {}
