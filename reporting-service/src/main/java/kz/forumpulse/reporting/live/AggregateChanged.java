package kz.forumpulse.reporting.live;

import kz.forumpulse.reporting.store.Generation;

/** An aggregate of a forum changed: the signal for live report updates. */
public record AggregateChanged(String forumId, String report, Generation generation) {

  public static final String ATTENDANCE = "attendance";
  public static final String FAQ = "faq";
}
