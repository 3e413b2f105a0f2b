package kz.forumpulse.reporting.store;

import java.util.Collection;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Per forum, a number that every change of its FAQ report moves on: written after the change, so a
 * report computed while the number was n is current for as long as it is still n. It lives in the
 * database, not in one instance's memory, so every instance's cached reports see every instance's
 * changes ({@code FaqReports}).
 */
@Service
public class ReportStamps {

  private final MongoTemplate mongo;

  ReportStamps(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Moves the stamps of these forums on; call after their FAQ changed (or may have). */
  public void changed(Collection<String> forumIds, Generation gen) {
    if (forumIds.isEmpty()) {
      return;
    }
    BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, gen.stamps());
    for (String forumId : forumIds) {
      bulk.upsert(Query.query(Criteria.where("_id").is(forumId)), new Update().inc("faq", 1));
    }
    bulk.execute();
  }

  /** The forum's stamp now (0 before its first change). */
  public long current(String forumId, Generation gen) {
    Document stamp = mongo.findById(forumId, Document.class, gen.stamps());
    Number n = stamp == null ? null : stamp.get("faq", Number.class);
    return n == null ? 0 : n.longValue();
  }
}
