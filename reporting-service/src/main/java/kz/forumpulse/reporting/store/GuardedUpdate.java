package kz.forumpulse.reporting.store;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The version compare-and-set every guarded report document is written with: read the document by
 * {@code _id}, decide in Java, write with the filter {@code {_id, v: <v read>}} and {@code $inc v}
 * (used by {@link SeqGuardedWrites} and the FAQ's question writes). The write lands only on the
 * version that was read, else the writer reads again. Both steps are index look-ups:
 * mongo-java-server answers a filter that is anything more than {@code {_id}} by scanning the whole
 * collection under its lock (52 ms instead of 1 ms at 100,000 documents, docs/benchmark.md) unless
 * a unique index on {@code (_id, v)} ({@link #prepare}) serves it. On MongoDB both forms are index
 * look-ups.
 */
public final class GuardedUpdate {

  /** The version field every guarded document carries; bumped by every write to it. */
  public static final String VERSION = "v";

  private GuardedUpdate() {}

  /**
   * The unique {@code (_id, v)} index a guarded collection needs: it serves the compare-and-set's
   * filter on mongo-java-server, and can never refuse a write since {@code _id} is unique.
   */
  public static void prepare(MongoTemplate mongo, String collection) {
    mongo
        .indexOps(collection)
        .createIndex(
            new Index().on("_id", Sort.Direction.ASC).on(VERSION, Sort.Direction.ASC).unique());
  }

  /**
   * The filter of a compare-and-set on the document as read: its version, or — for a document that
   * did not exist ({@code version} null) — no version yet. {@code $exists}, not "v: null": an
   * equality would be copied into a document an upsert creates.
   */
  public static Query onVersion(Object id, Object version) {
    Criteria filter = Criteria.where("_id").is(id);
    return Query.query(
        version == null ? filter.and(VERSION).exists(false) : filter.and(VERSION).is(version));
  }
}
