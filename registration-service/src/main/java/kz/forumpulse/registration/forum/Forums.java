package kz.forumpulse.registration.forum;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ForumScheduled;
import kz.forumpulse.events.ForumSession;
import kz.forumpulse.events.ForumUpdated;
import kz.forumpulse.events.Topics;
import kz.forumpulse.registration.outbox.Outbox;
import kz.forumpulse.support.cache.ReadCache;
import kz.forumpulse.support.outbox.OutboxEntry;
import kz.forumpulse.support.outbox.OutboxRelay;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Sets up and edits forums, and answers what other features need to know about them. */
@Service
public class Forums {

  private static final char[] ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MongoTemplate mongo;
  private final Seats seats;
  private final OutboxRelay relay;
  private final ApplicationEventPublisher inProcess;
  private final Clock clock;

  /** Every registration checks its forum: kept briefly (ReadCache). */
  private final ReadCache<String, Forum> cache;

  Forums(
      MongoTemplate mongo,
      Seats seats,
      OutboxRelay relay,
      ApplicationEventPublisher inProcess,
      Clock clock,
      @Value("${forum.forums.cache-ttl:1s}") Duration cacheTtl) {
    this.mongo = mongo;
    this.seats = seats;
    this.relay = relay;
    this.inProcess = inProcess;
    this.clock = clock;
    this.cache = new ReadCache<>(cacheTtl, 10_000);
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
    checkDates(request.startsOn(), request.endsOn());
    checkWindow(request.registrationOpensAt(), request.registrationClosesAt());
    List<ForumSession> sessions = sessions(request.sessions());
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
            request.capacity(),
            request.registrationOpensAt(),
            request.registrationClosesAt(),
            Boolean.TRUE.equals(request.requiresApproval()),
            sessions);
    Forum forum =
        new Forum(
            id,
            event.titleRu(),
            event.titleKk(),
            event.startsOn(),
            event.endsOn(),
            strip(request.venue()),
            request.regionCode(),
            districts,
            request.capacity(),
            event.registrationOpensAt(),
            event.registrationClosesAt(),
            event.requiresApproval(),
            sessions,
            0,
            now,
            List.of(OutboxEntry.of(Topics.FORUMS, event)));
    seats.open(id, forum.capacity(), sessions, 0);
    mongo.insert(forum);
    relay.wakeUp();
    return ForumView.of(forum);
  }

  /**
   * Applies a partial change and records ForumUpdated in the same single-document update. Seat
   * counters follow by the capacity difference; a raised capacity promotes from the waiting line.
   */
  ForumView update(String forumId, UpdateForumRequest request) {
    // The revision compared and set below must be the stored one, not a kept copy.
    Forum current = stored(forumId);
    if (request.expectedRevision() != null && request.expectedRevision() != current.revision()) {
      throw staleRevision(current);
    }
    LocalDate startsOn = or(request.startsOn(), current.startsOn());
    LocalDate endsOn = or(request.endsOn(), current.endsOn());
    checkDates(startsOn, endsOn);
    boolean clearWindow = Boolean.TRUE.equals(request.clearRegistrationWindow());
    Instant opensAt =
        clearWindow ? null : or(request.registrationOpensAt(), current.registrationOpensAt());
    Instant closesAt =
        clearWindow ? null : or(request.registrationClosesAt(), current.registrationClosesAt());
    checkWindow(opensAt, closesAt);
    List<ForumSession> sessions =
        request.sessions() == null ? current.sessions() : sessions(request.sessions());
    for (ForumSession old : current.sessions()) {
      if (sessions.stream().noneMatch(s -> s.code().equals(old.code()))) {
        throw ApiProblem.forField(
            HttpStatus.CONFLICT, "sessions", "sessionCannotBeRemoved", old.code());
      }
    }
    int capacity = or(request.capacity(), current.capacity());
    long revision = current.revision() + 1;
    Forum changed =
        new Forum(
            current.id(),
            request.titleRu() == null ? current.titleRu() : request.titleRu().strip(),
            request.titleKk() == null ? current.titleKk() : request.titleKk().strip(),
            startsOn,
            endsOn,
            request.venue() == null ? current.venue() : strip(request.venue()),
            current.regionCode(),
            current.districts(),
            capacity,
            opensAt,
            closesAt,
            request.requiresApproval() == null
                ? current.requiresApproval()
                : request.requiresApproval(),
            sessions,
            revision,
            current.createdAt(),
            List.of());
    ForumUpdated event =
        new ForumUpdated(
            UUID.randomUUID(),
            ForumUpdated.VERSION,
            clock.instant(),
            ForumId.of(forumId),
            changed.titleRu(),
            changed.titleKk(),
            changed.startsOn(),
            changed.endsOn(),
            changed.regionCode(),
            changed.districts().stream().map(District::code).toList(),
            changed.capacity(),
            changed.registrationOpensAt(),
            changed.registrationClosesAt(),
            changed.requiresApproval(),
            changed.sessions(),
            revision);
    Update update =
        new Update()
            .set("titleRu", changed.titleRu())
            .set("titleKk", changed.titleKk())
            .set("startsOn", changed.startsOn())
            .set("endsOn", changed.endsOn())
            .set("venue", changed.venue())
            .set("capacity", changed.capacity())
            .set("registrationOpensAt", changed.registrationOpensAt())
            .set("registrationClosesAt", changed.registrationClosesAt())
            .set("requiresApproval", changed.requiresApproval())
            .set("sessions", changed.sessions())
            .set("revision", revision);
    Outbox.append(update, Topics.FORUMS, event);
    long modified =
        mongo
            .updateFirst(
                Query.query(
                    Criteria.where("_id").is(forumId).and("revision").is(current.revision())),
                update,
                Forum.class)
            .getModifiedCount();
    cache.invalidate(forumId);
    if (modified == 0) {
      throw staleRevision(stored(forumId));
    }
    relay.wakeUp();
    Map<String, Integer> sessionDeltas = new LinkedHashMap<>();
    boolean moreRoom = capacity > current.capacity();
    for (ForumSession session : sessions) {
      Integer before = current.session(session.code()).map(ForumSession::capacity).orElse(null);
      Integer after = session.capacity();
      if (after == null) {
        continue; // unlimited now: its counter is no longer consulted
      }
      // A newly limited session starts from its whole capacity; seats already held in it were
      // unlimited before, so it may be overbooked until cancellations catch up (see ADR 0003).
      int delta = before == null ? after : after - before;
      if (before == null) {
        sessionDeltas.put(session.code(), after);
      } else if (delta != 0) {
        sessionDeltas.put(session.code(), delta);
      }
      moreRoom |= delta > 0;
    }
    seats.adjust(forumId, revision, capacity - current.capacity(), sessionDeltas);
    if (moreRoom) {
      inProcess.publishEvent(new SeatsFreed(forumId));
    }
    return ForumView.of(require(forumId));
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

  /**
   * The forum as this instance last read it, at most {@code forum.forums.cache-ttl} ago (a change
   * through this instance is seen at once).
   */
  public Optional<Forum> find(String forumId) {
    return cache.get(forumId, this::read);
  }

  private Optional<Forum> read(String forumId) {
    return Optional.ofNullable(mongo.findById(forumId, Forum.class));
  }

  private Forum stored(String forumId) {
    return read(forumId)
        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "forumNotFound", forumId));
  }

  private static ApiProblem staleRevision(Forum current) {
    return new ApiProblem(HttpStatus.CONFLICT, "forumChangedMeanwhile", current.revision())
        .with("revision", current.revision());
  }

  private static void checkDates(LocalDate startsOn, LocalDate endsOn) {
    if (endsOn != null && endsOn.isBefore(startsOn)) {
      throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "endsOn", "endsBeforeStart");
    }
  }

  private static void checkWindow(Instant opensAt, Instant closesAt) {
    if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
      throw ApiProblem.forField(
          HttpStatus.BAD_REQUEST, "registrationClosesAt", "windowClosesBeforeOpening");
    }
  }

  private static List<ForumSession> sessions(List<SessionRequest> requested) {
    if (requested == null) {
      return List.of();
    }
    Set<String> codes = new HashSet<>();
    for (SessionRequest session : requested) {
      if (!codes.add(session.code())) {
        throw ApiProblem.forField(
            HttpStatus.BAD_REQUEST, "sessions", "duplicateSession", session.code());
      }
    }
    return requested.stream().map(SessionRequest::toSession).toList();
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }

  private static String strip(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String newId() {
    char[] chars = new char[10];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
    }
    return new String(chars);
  }
}
