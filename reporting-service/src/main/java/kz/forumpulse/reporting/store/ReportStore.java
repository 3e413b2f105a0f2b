package kz.forumpulse.reporting.store;

import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Which generation of report collections is live. Applying an event holds a read lock, switching
 * generations the write lock: no event is applied to a generation in the middle of a switch.
 */
@Service
public class ReportStore {

  static final String POINTER = "report_generations";

  /**
   * How the report collections are laid out. A generation written by a release with an older layout
   * is rebuilt from the topics at start-up ({@link #outdated()}); 2: cross-tab cells keep totals
   * only and are driven by the FAQ's question documents (ADR 0007).
   */
  static final int LAYOUT = 2;

  private final MongoTemplate mongo;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile Generation active;
  private final boolean outdated;

  ReportStore(MongoTemplate mongo) {
    this.mongo = mongo;
    Document pointer = mongo.findById("active", Document.class, POINTER);
    this.active = new Generation(pointer == null ? "g1" : pointer.getString("generation"));
    Number layout = pointer == null ? null : pointer.get("layout", Number.class);
    // No pointer: nothing was ever applied here, or only by a release before layouts were noted.
    this.outdated =
        layout == null ? mongo.collectionExists(active.questions()) : layout.intValue() < LAYOUT;
    if (layout == null && !outdated) {
      // Nothing stored yet: what will be stored has the current layout.
      mongo.upsert(
          Query.query(Criteria.where("_id").is("active")),
          new Update().set("generation", active.id()).set("layout", LAYOUT),
          POINTER);
    }
    prepare(active);
  }

  /**
   * Whether the live generation was written by a release with an older layout; it is then served as
   * it is until a rebuild from the topics replaces it.
   */
  public boolean outdated() {
    return outdated;
  }

  public Generation active() {
    return active;
  }

  public boolean isActive(Generation generation) {
    return generation.equals(active);
  }

  /** Runs work against the live generation; a switch waits until it is done. */
  public <T> T withActive(Function<Generation, T> work) {
    lock.readLock().lock();
    try {
      return work.apply(active);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** A fresh, empty generation with its indexes. */
  public Generation create() {
    String id = "g" + System.currentTimeMillis();
    Generation generation = new Generation(id);
    drop(generation);
    prepare(generation);
    return generation;
  }

  /**
   * Makes the generation live; returns the one it replaces. {@code lastCatchUp} runs first, while
   * live consumers wait, so the new generation has every event up to the switch, applied in the
   * topics' order.
   */
  public Generation activate(Generation generation, Runnable lastCatchUp) {
    lock.writeLock().lock();
    try {
      lastCatchUp.run();
      Generation previous = active;
      mongo.upsert(
          Query.query(Criteria.where("_id").is("active")),
          new Update().set("generation", generation.id()).set("layout", LAYOUT),
          POINTER);
      active = generation;
      return previous;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Drops the generation's collections that exist. Only those: MongoDB answers a drop of a missing
   * collection with "ns not found", which the driver ignores but the in-JVM server of the local
   * stack logs as an error with a stack trace — on every rebuild, as a new generation has none yet.
   */
  public void drop(Generation generation) {
    Set<String> existing = mongo.getCollectionNames();
    for (String collection :
        List.of(
            generation.attendance(),
            generation.questions(),
            generation.groups(),
            generation.faqEvents(),
            generation.curation(),
            generation.questionCells(),
            generation.stamps(),
            // Left by releases before layout 2.
            "question_placements_" + generation.id())) {
      if (existing.contains(collection)) {
        mongo.dropCollection(collection);
      }
    }
  }

  private void prepare(Generation g) {
    mongo.indexOps(g.attendance()).createIndex(new Index().on("forumId", Sort.Direction.ASC));
    mongo
        .indexOps(g.questions())
        .createIndex(
            new Index()
                .on("forumId", Sort.Direction.ASC)
                .on("project", Sort.Direction.ASC)
                .on("seq", Sort.Direction.ASC));
    mongo
        .indexOps(g.groups())
        .createIndex(
            new Index()
                .on("forumId", Sort.Direction.ASC)
                .on("project", Sort.Direction.ASC)
                .on("count", Sort.Direction.DESC));
  }
}
