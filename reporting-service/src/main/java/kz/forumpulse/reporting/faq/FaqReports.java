package kz.forumpulse.reporting.faq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import kz.forumpulse.reporting.curation.CurationOverlay;
import kz.forumpulse.reporting.curation.Curations;
import kz.forumpulse.reporting.live.AggregateChanged;
import kz.forumpulse.reporting.store.Generation;
import kz.forumpulse.reporting.store.ReportStamps;
import kz.forumpulse.reporting.store.ReportStore;
import kz.forumpulse.support.cache.LeastRecentlyUsed;
import org.bson.Document;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the pre-computed FAQ groups — the cost depends on the number of groups shown, not on the
 * number of questions — and applies moderators' curation on top.
 */
@Service
class FaqReports {

  static final int MAX_LIMIT = 500;
  private static final Set<String> VISIBLE = Set.of("PUBLISHED", "APPROVED", "ANSWERED");

  private static final int CACHED_REPORTS = 512;

  private final MongoTemplate mongo;
  private final ReportStore store;
  private final Curations curations;
  private final ReportStamps stamps;
  private final JsonMapper json;

  /**
   * Reports as computed, with the forum's stamp they were computed at: served again while the stamp
   * has not moved on. Organisers' screens ask again on every live signal, and a forum's report
   * stays the same between changes, so most requests cost one read by {@code _id}.
   */
  private final Map<CacheKey, Cached> cache = LeastRecentlyUsed.map(CACHED_REPORTS);

  private record CacheKey(
      String generation, String forumId, FaqFilter filter, int max, String lang) {}

  private static final class Cached {
    final long stamp;
    final String generation;
    final FaqReport report;
    private volatile byte[] json;

    Cached(long stamp, String generation, FaqReport report) {
      this.stamp = stamp;
      this.generation = generation;
      this.report = report;
    }
  }

  /** A report as the JSON the API sends, with a tag that changes whenever the report may. */
  record Json(byte[] bytes, String etag) {}

  /**
   * How long a forum's stamp, once read, is taken as current without reading it again. Changes made
   * by this instance drop it at once (their live signal, before any screen is told); those of
   * another instance show within this time.
   */
  static final long STAMP_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  /** generation|forum -> {stamp, nanoTime when read}. */
  private final Map<String, long[]> stampsRead = new ConcurrentHashMap<>();

  FaqReports(
      MongoTemplate mongo,
      ReportStore store,
      Curations curations,
      ReportStamps stamps,
      JsonMapper json) {
    this.mongo = mongo;
    this.store = store;
    this.curations = curations;
    this.stamps = stamps;
    this.json = json;
  }

  FaqReport faq(String forumId, FaqFilter filter, int limit, Locale locale) {
    return cached(forumId, filter, limit, locale).report;
  }

  /**
   * The report as JSON, serialised once per change: most requests of a live screen then cost one
   * read of the forum's stamp.
   */
  Json faqJson(String forumId, FaqFilter filter, int limit, Locale locale) {
    Cached cached = cached(forumId, filter, limit, locale);
    byte[] bytes = cached.json;
    if (bytes == null) {
      bytes = json.writeValueAsBytes(cached.report);
      cached.json = bytes;
    }
    String lang = "kk".equals(locale.getLanguage()) ? "kk" : "ru";
    return new Json(bytes, "\"" + cached.generation + "-" + cached.stamp + "-" + lang + "\"");
  }

  private Cached cached(String forumId, FaqFilter filter, int limit, Locale locale) {
    Generation gen = store.active();
    int max = Math.min(Math.max(limit, 1), MAX_LIMIT);
    String lang = "kk".equals(locale.getLanguage()) ? "kk" : "ru";
    // Read before the groups: a change landing meanwhile moves the stamp on after it, so a report
    // that may already include part of it is never kept past it.
    long stamp = stamp(forumId, gen);
    CacheKey key = new CacheKey(gen.id(), forumId, filter, max, lang);
    Cached cached = cache.get(key);
    if (cached != null && cached.stamp == stamp) {
      return cached;
    }
    cached = new Cached(stamp, gen.id(), compute(forumId, filter, max, lang, gen));
    cache.put(key, cached);
    return cached;
  }

  private long stamp(String forumId, Generation gen) {
    String key = gen.id() + "|" + forumId;
    long now = System.nanoTime();
    long[] read = stampsRead.get(key);
    if (read != null && now - read[1] < STAMP_RECHECK_NANOS) {
      return read[0];
    }
    long stamp = stamps.current(forumId, gen);
    stampsRead.put(key, new long[] {stamp, now});
    return stamp;
  }

  /** A change applied here: the next request reads the stamp it moved on. */
  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void changed(AggregateChanged change) {
    if (AggregateChanged.FAQ.equals(change.report())) {
      stampsRead.remove(change.generation().id() + "|" + change.forumId());
    }
  }

  private FaqReport compute(
      String forumId, FaqFilter filter, int max, String lang, Generation gen) {
    CurationOverlay overlay = CurationOverlay.of(curations.actions(forumId, gen));

    Query query =
        Query.query(criteria(forumId, filter))
            .with(Sort.by(Sort.Order.desc("count"), Sort.Order.asc("firstAskedAt")))
            .limit(overlay.isEmpty() ? max : max + overlay.referencedGroups().size());
    query.fields().exclude("questionIds").exclude("supportersOf").exclude("answeredIds");
    Map<String, Group> groups = new LinkedHashMap<>();
    mongo.find(query, Document.class, gen.groups()).forEach(d -> add(groups, Group.of(d)));

    if (!overlay.isEmpty()) {
      curate(forumId, gen, overlay, groups);
    }
    List<FaqGroupView> views =
        groups.values().stream()
            .filter(g -> g.count > 0 && matches(g, filter))
            .sorted(
                Comparator.comparingLong((Group g) -> -g.count)
                    .thenComparing(
                        g -> g.firstAskedAt, Comparator.nullsLast(Comparator.naturalOrder())))
            .limit(max)
            .map(g -> g.view(lang))
            .toList();
    long questions = views.stream().mapToLong(FaqGroupView::count).sum();
    return new FaqReport(forumId, filter.project(), questions, views);
  }

  private void curate(
      String forumId, Generation gen, CurationOverlay overlay, Map<String, Group> groups) {
    // Questions moved by moderators, and the groups they came from.
    Map<String, Document> moved = new LinkedHashMap<>();
    if (!overlay.moves().isEmpty()) {
      Query byIds = Query.query(Criteria.where("_id").in(overlay.moves().keySet()));
      mongo
          .find(byIds, Document.class, gen.questions())
          .forEach(q -> moved.put(q.getString("_id"), q));
    }
    List<String> needed = new ArrayList<>();
    overlay.referencedGroups().forEach(id -> needed.add(id));
    moved.values().forEach(q -> needed.add(q.getString("groupId")));
    List<String> missing = new ArrayList<>();
    for (String groupId : needed) {
      if (groups.values().stream().noneMatch(g -> g.groupId.equals(groupId))) {
        missing.add(groupId);
      }
    }
    if (!missing.isEmpty()) {
      Query more = Query.query(Criteria.where("forumId").is(forumId).and("groupId").in(missing));
      more.fields().exclude("questionIds").exclude("supportersOf").exclude("answeredIds");
      mongo.find(more, Document.class, gen.groups()).forEach(d -> add(groups, Group.of(d)));
    }

    for (Document q : moved.values()) {
      if (!VISIBLE.contains(q.getString("status"))) {
        continue;
      }
      String project = q.getString("project");
      Group from = groups.get(project + "|" + q.getString("groupId"));
      if (from != null) {
        from.take(q, -1);
      }
      String targetId = overlay.moves().get(q.getString("_id"));
      Group to =
          groups.computeIfAbsent(project + "|" + targetId, k -> Group.empty(project, targetId, q));
      to.take(q, +1);
    }
    for (Group g : new ArrayList<>(groups.values())) {
      String target = overlay.resolve(g.project, g.groupId);
      if (!target.equals(g.groupId)) {
        Group into = groups.get(g.project + "|" + target);
        if (into != null) {
          into.absorb(g);
          groups.remove(g.project + "|" + g.groupId);
        }
      }
    }
    for (Group g : groups.values()) {
      g.representative.putAll(overlay.textsOf(g.project, g.groupId));
    }
  }

  private static void add(Map<String, Group> groups, Group g) {
    groups.put(g.project + "|" + g.groupId, g);
  }

  private static Criteria criteria(String forumId, FaqFilter filter) {
    Criteria criteria = Criteria.where("forumId").is(forumId);
    if (filter.project() != null) {
      criteria = criteria.and("project").is(filter.project());
    }
    if (filter.from() != null) {
      criteria = criteria.and("lastAskedAt").gte(Date.from(filter.from()));
    }
    if (filter.to() != null) {
      criteria = criteria.and("firstAskedAt").lt(Date.from(filter.to()));
    }
    return criteria;
  }

  private static boolean matches(Group g, FaqFilter filter) {
    if (filter.district() != null && g.districts.getOrDefault(filter.district(), 0L) <= 0) {
      return false;
    }
    if (filter.role() != null && g.roles.getOrDefault(filter.role(), 0L) <= 0) {
      return false;
    }
    if (filter.answered() != null && (g.answered > 0) != filter.answered()) {
      return false;
    }
    return true;
  }

  /** A group being assembled for the report, with curation applied. */
  private static final class Group {
    final String project;
    final String groupId;
    long count;
    long supporters;
    long answered;
    final Map<String, Long> languages = new TreeMap<>();
    final Map<String, Long> districts = new TreeMap<>();
    final Map<String, Long> roles = new TreeMap<>();
    Instant firstAskedAt;
    Instant lastAskedAt;
    final Map<String, String> representative = new LinkedHashMap<>();

    private Group(String project, String groupId) {
      this.project = project;
      this.groupId = groupId;
    }

    static Group of(Document d) {
      Group g = new Group(d.getString("project"), d.getString("groupId"));
      g.count = number(d.get("count"));
      g.supporters = number(d.get("supporters"));
      g.answered = number(d.get("answered"));
      counts(d.get("languages", Document.class), g.languages);
      counts(d.get("districts", Document.class), g.districts);
      counts(d.get("roles", Document.class), g.roles);
      g.firstAskedAt = instant(d.getDate("firstAskedAt"));
      g.lastAskedAt = instant(d.getDate("lastAskedAt"));
      Document rep = d.get("representative", Document.class);
      if (rep != null) {
        rep.forEach((k, v) -> g.representative.put(k, String.valueOf(v)));
      }
      return g;
    }

    static Group empty(String project, String groupId, Document question) {
      Group g = new Group(project, groupId);
      g.representative.put(question.getString("language"), question.getString("text"));
      return g;
    }

    /** Adds (+1) or removes (-1) one question's contribution. */
    void take(Document q, int sign) {
      count += sign;
      supporters += sign * number(q.get("supporters"));
      if ("ANSWERED".equals(q.getString("status"))) {
        answered += sign;
      }
      languages.merge(FaqProjection.safeKey(q.getString("language")), (long) sign, Long::sum);
      districts.merge(FaqProjection.safeKey(q.getString("district")), (long) sign, Long::sum);
      roles.merge(FaqProjection.safeKey(q.getString("role")), (long) sign, Long::sum);
      Instant at = instant(q.getDate("askedAt"));
      if (sign > 0 && at != null) {
        firstAskedAt = firstAskedAt == null || at.isBefore(firstAskedAt) ? at : firstAskedAt;
        lastAskedAt = lastAskedAt == null || at.isAfter(lastAskedAt) ? at : lastAskedAt;
      }
    }

    void absorb(Group other) {
      count += other.count;
      supporters += other.supporters;
      answered += other.answered;
      other.languages.forEach((k, v) -> languages.merge(k, v, Long::sum));
      other.districts.forEach((k, v) -> districts.merge(k, v, Long::sum));
      other.roles.forEach((k, v) -> roles.merge(k, v, Long::sum));
      if (other.firstAskedAt != null
          && (firstAskedAt == null || other.firstAskedAt.isBefore(firstAskedAt))) {
        firstAskedAt = other.firstAskedAt;
      }
      if (other.lastAskedAt != null
          && (lastAskedAt == null || other.lastAskedAt.isAfter(lastAskedAt))) {
        lastAskedAt = other.lastAskedAt;
      }
      other.representative.forEach(representative::putIfAbsent);
    }

    FaqGroupView view(String lang) {
      String text =
          representative.getOrDefault(
              lang, representative.values().stream().findFirst().orElse(null));
      return new FaqGroupView(
          groupId,
          project,
          text,
          Map.copyOf(representative),
          count,
          supporters,
          answered,
          positive(languages),
          positive(districts),
          positive(roles),
          firstAskedAt,
          lastAskedAt);
    }

    private static Map<String, Long> positive(Map<String, Long> counts) {
      Map<String, Long> out = new TreeMap<>();
      counts.forEach(
          (k, v) -> {
            if (v > 0) {
              out.put(k, v);
            }
          });
      return out;
    }

    private static void counts(Document doc, Map<String, Long> into) {
      if (doc != null) {
        doc.forEach((k, v) -> into.put(k, number(v)));
      }
    }

    private static long number(Object value) {
      return value instanceof Number n ? n.longValue() : 0;
    }

    private static Instant instant(Date date) {
      return date == null ? null : date.toInstant();
    }
  }
}
