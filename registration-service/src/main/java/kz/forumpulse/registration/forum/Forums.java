package kz.forumpulse.registration.forum;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ForumScheduled;
import kz.forumpulse.events.Topics;
import kz.forumpulse.support.outbox.OutboxEntry;
import kz.forumpulse.support.outbox.OutboxRelay;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Sets up forums and answers what other features need to know about them. */
@Service
public class Forums {

  private static final char[] ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MongoTemplate mongo;
  private final OutboxRelay relay;
  private final Clock clock;

  Forums(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
    this.mongo = mongo;
    this.relay = relay;
    this.clock = clock;
  }

  ForumView create(CreateForumRequest request) {
    List<District> districts =
        Regions.districtsOf(request.regionCode())
            .orElseThrow(
                () ->
                    ApiProblem.forField(
                        HttpStatus.BAD_REQUEST,
                        "regionCode",
                        "unknownRegion",
                        request.regionCode()));
    if (request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
      throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "endsOn", "endsBeforeStart");
    }
    Instant now = clock.instant();
    String id = newId();
    ForumScheduled event =
        new ForumScheduled(
            UUID.randomUUID(),
            ForumScheduled.VERSION,
            now,
            ForumId.of(id),
            request.titleRu().strip(),
            request.titleKk().strip(),
            request.startsOn(),
            request.endsOn() == null ? request.startsOn() : request.endsOn(),
            request.regionCode(),
            districts.stream().map(District::code).toList(),
            request.capacity());
    Forum forum =
        new Forum(
            id,
            event.titleRu(),
            event.titleKk(),
            event.startsOn(),
            event.endsOn(),
            request.venue() == null ? null : request.venue().strip(),
            request.regionCode(),
            districts,
            request.capacity(),
            now,
            List.of(OutboxEntry.of(Topics.FORUMS, event)));
    mongo.insert(forum);
    relay.wakeUp();
    return ForumView.of(forum);
  }

  List<ForumView> list() {
    return mongo.find(new Query().with(Sort.by("startsOn", "id")), Forum.class).stream()
        .map(ForumView::of)
        .toList();
  }

  ForumView view(String forumId) {
    return ForumView.of(require(forumId));
  }

  /** The forum, or a 404 problem the caller can read. */
  public Forum require(String forumId) {
    return find(forumId)
        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "forumNotFound", forumId));
  }

  public Optional<Forum> find(String forumId) {
    return Optional.ofNullable(mongo.findById(forumId, Forum.class));
  }

  private static String newId() {
    char[] chars = new char[10];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
    }
    return new String(chars);
  }
}
