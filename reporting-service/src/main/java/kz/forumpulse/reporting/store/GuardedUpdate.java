package kz.forumpulse.reporting.store;

import com.mongodb.client.result.UpdateResult;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A single-document conditional update ("apply this change if the document is still such that …"),
 * done as: read the document by {@code _id}, test the condition in Java, write with the filter
 * {@code {_id, v: <v read>}} and {@code $inc v}. As atomic as putting the condition into the filter
 * — the write lands only on the version that was tested, else it reads again — but both steps are
 * index look-ups: mongo-java-server answers a filter that is anything more than {@code {_id}} by
 * scanning the whole collection under its lock (52 ms instead of 1 ms at 100,000 documents,
 * docs/benchmark.md), while a unique index on {@code (_id, v)} ({@link ReportStore}) serves the
 * equality filter. On MongoDB both forms are index look-ups.
 */
public final class GuardedUpdate {

  /** The version field every guarded document carries; bumped by every write to it. */
  public static final String VERSION = "v";

  private static final int MAX_ATTEMPTS = 50;

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
   * Applies {@code update} to the document {@code id} if {@code condition} holds for it; with
   * {@code upsert}, a missing document is created when the condition holds for an empty one.
   *
   * @return whether the update was applied
   */
  public static boolean apply(
      MongoTemplate mongo,
      String collection,
      Object id,
      Predicate<Document> condition,
      Update update,
      boolean upsert) {
    return apply(mongo, collection, id, null, condition, update, upsert);
  }

  /**
   * Like {@link #apply(MongoTemplate, String, Object, Predicate, Update, boolean)}, starting from
   * {@code read}, the document as the caller has just read it (saves a round trip; a stale copy
   * only costs a retry).
   */
  public static boolean apply(
      MongoTemplate mongo,
      String collection,
      Object id,
      Document read,
      Predicate<Document> condition,
      Update update,
      boolean upsert) {
    update.inc(VERSION, 1);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Document current =
          attempt == 0 && read != null ? read : mongo.findById(id, Document.class, collection);
      if (current == null) {
        if (!upsert || !condition.test(new Document())) {
          return false;
        }
        try {
          UpdateResult created =
              mongo.upsert(
                  // $exists, not "v: null": an equality would be copied into the new document and
                  // MongoDB refuses to $inc a null.
                  Query.query(Criteria.where("_id").is(id).and(VERSION).exists(false)),
                  update,
                  collection);
          if (created.getMatchedCount() > 0 || created.getUpsertedId() != null) {
            return true;
          }
        } catch (DuplicateKeyException createdMeanwhile) {
          // another writer created it first: read it and test again
        }
        continue;
      }
      if (!condition.test(current)) {
        return false;
      }
      UpdateResult written =
          mongo.updateFirst(
              Query.query(Criteria.where("_id").is(id).and(VERSION).is(current.get(VERSION))),
              update,
              collection);
      if (written.getMatchedCount() > 0) {
        return true;
      }
    }
    throw new IllegalStateException(
        "Document " + id + " in " + collection + " keeps changing under a guarded update");
  }
}
