package kz.forumpulse.reporting.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.WriteModel;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.forumpulse.support.mongo.OrderedBulk;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The projections' hot reads and writes, straight to the driver: their documents are plain BSON
 * already, and Spring Data's queries and bulk operations mapped every filter, update and result
 * once more and published events for each (an eighth of the rebuild's applying thread,
 * docs/benchmark.md). They still go through {@link MongoTemplate#execute}, so any failure arrives
 * as the Spring exception the retry logic classifies.
 */
public final class RawDocuments {

  private RawDocuments() {}

  /**
   * The documents with these ids, by id (missing ones absent); with {@code fields}, only those (and
   * the id).
   */
  public static Map<String, Document> byId(
      MongoTemplate mongo, String collection, Collection<String> ids, String... fields) {
    Map<String, Document> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    return mongo.execute(
        collection,
        c -> {
          var find = c.find(Filters.in("_id", ids));
          if (fields.length > 0) {
            find = find.projection(Projections.include(fields));
          }
          for (Document d : find) {
            found.put(String.valueOf(d.get("_id")), d);
          }
          return found;
        });
  }

  /**
   * Runs the writes as one unordered bulk. Writes that failed on a duplicate key — an insert or
   * upsert that lost a race to create its document — are counted in the result, not thrown; any
   * other failure is.
   */
  public static Landed write(
      MongoTemplate mongo, String collection, List<? extends WriteModel<Document>> writes) {
    if (writes.isEmpty()) {
      return new Landed(0, 0, 0);
    }
    return mongo.execute(
        collection,
        c -> {
          try {
            return Landed.of(c.bulkWrite(writes, new BulkWriteOptions().ordered(false)), 0);
          } catch (MongoBulkWriteException failed) {
            if (failed.getWriteConcernError() == null
                && failed.getWriteErrors().stream()
                    .allMatch(e -> e.getCode() == OrderedBulk.DUPLICATE_KEY)) {
              return Landed.of(failed.getWriteResult(), failed.getWriteErrors().size());
            }
            throw failed;
          }
        });
  }

  /** What an unordered bulk did: updates that matched, documents upserted, duplicate keys. */
  public record Landed(int matched, int upserted, int duplicates) {

    static Landed of(BulkWriteResult result, int duplicates) {
      return new Landed(result.getMatchedCount(), result.getUpserts().size(), duplicates);
    }
  }
}
