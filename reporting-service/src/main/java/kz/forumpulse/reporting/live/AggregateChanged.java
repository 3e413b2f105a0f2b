package kz.forumpulse.reporting.live;

/** An aggregate of a forum changed: the signal for live report updates. */
public record AggregateChanged(String forumId, String report) {

  public static final String ATTENDANCE = "attendance";
  public static final String FAQ = "faq";
}
