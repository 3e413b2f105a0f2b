package kz.forumpulse.registration.participant;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kz.forumpulse.registration.forum.Forum;
import kz.forumpulse.registration.forum.Forums;
import kz.forumpulse.registration.forum.Seats;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The organiser's view of a forum's registrations: filtered lists, pages, counts. */
@Service
public class RegistrationSearch {

  /** The most rows one page (or one export) returns. */
  public static final int MAX_EXPORT = 100_000;

  private final MongoTemplate mongo;
  private final Forums forums;
  private final Seats seats;
  private final Waitlist waitlist;

  RegistrationSearch(MongoTemplate mongo, Forums forums, Seats seats, Waitlist waitlist) {
    this.mongo = mongo;
    this.forums = forums;
    this.seats = seats;
    this.waitlist = waitlist;
  }

  /** One page of registrations, the waiting line in its order after everyone else. */
  record Page(List<RegistrationView> items, int page, int size, long total) {}

  Page page(String forumId, RegistrationFilter filter, int page, int size) {
    forums.require(forumId);
    Query query = query(forumId, filter);
    long total = mongo.count(query, Registration.class);
    query.with(order()).skip((long) page * size).limit(size);
    return new Page(views(mongo.find(query, Registration.class)), page, size, total);
  }

  /** Every matching registration (up to {@link #MAX_EXPORT}), for exports. */
  public List<RegistrationView> all(String forumId, RegistrationFilter filter) {
    forums.require(forumId);
    Query query = query(forumId, filter).with(order()).limit(MAX_EXPORT);
    return views(mongo.find(query, Registration.class));
  }

  /** Counts by status, checked in, and the free seats of the forum. */
  Map<String, Object> summary(String forumId) {
    Forum forum = forums.require(forumId);
    Map<RegistrationStatus, Long> byStatus = new EnumMap<>(RegistrationStatus.class);
    for (RegistrationStatus status : RegistrationStatus.values()) {
      byStatus.put(
          status,
          mongo.count(
              Query.query(Criteria.where("forumId").is(forumId).and("status").is(status.name())),
              Registration.class));
    }
    long checkedIn =
        mongo.count(
            Query.query(Criteria.where("forumId").is(forumId).and("checkedInAt").ne(null)),
            Registration.class);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("forumId", forumId);
    summary.put("capacity", forum.capacity());
    summary.put("freeSeats", seats.freeSeats(forumId));
    summary.put("byStatus", byStatus);
    summary.put("checkedIn", checkedIn);
    return summary;
  }

  private List<RegistrationView> views(List<Registration> registrations) {
    return registrations.stream().map(r -> RegistrationView.of(r, waitlist.position(r))).toList();
  }

  private static Sort order() {
    return Sort.by("registeredAt", "_id");
  }

  private static Query query(String forumId, RegistrationFilter filter) {
    Criteria criteria = Criteria.where("forumId").is(forumId);
    if (present(filter.status())) {
      criteria.and("status").is(filter.status());
    }
    if (present(filter.district())) {
      criteria.and("district").is(filter.district());
    }
    if (present(filter.role())) {
      criteria.and("role").is(filter.role());
    }
    if (present(filter.session())) {
      criteria.and("sessions").is(filter.session());
    }
    if (present(filter.q())) {
      String text = filter.q().strip();
      // Quoted: the search text is never a regular expression of the caller's making.
      Pattern contains = Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE);
      String digits = text.replaceAll("\\D", "");
      List<Criteria> any = new java.util.ArrayList<>();
      any.add(Criteria.where("fullName").regex(contains));
      any.add(Criteria.where("organisation").regex(contains));
      if (digits.length() >= 4) {
        any.add(Criteria.where("phone").regex(Pattern.compile(Pattern.quote(digits))));
      }
      criteria.orOperator(any.toArray(Criteria[]::new));
    }
    return Query.query(criteria);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
