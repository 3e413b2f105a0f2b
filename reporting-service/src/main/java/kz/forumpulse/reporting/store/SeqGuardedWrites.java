package kz.forumpulse.reporting.store;

import com.mongodb.bulk.BulkWriteResult;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Exactly-once changes to aggregate documents, many events at a time (ADR 0007).
 *
 * <p>Every event comes with the offset of its record ({@code seq}); one forum's events share a
 * partition, so they arrive in offset order. Each aggregate document remembers the offset of the
 * last event applied to it ({@code lastSeq}) and is only ever changed by one atomic write that
 * applies <em>all</em> pending events with a higher offset: so a document has applied exactly its
 * events up to {@code lastSeq}, whatever was interrupted where. A redelivery — of the same records,
 * or of records cut into other batches — finds the changes it already made marked and leaves them
 * out.
 *
 * <p>A round reads the documents by {@code _id}, merges what each still lacks into one update, and
 * writes them all in one unordered bulk, each conditional on the version read ({@link
 * GuardedUpdate#VERSION}). A write that finds the document changed (another instance during a
 * rebalance) is retried after reading again. Not thread-safe: one instance per batch.
 */
public final class SeqGuardedWrites {

  /** The offset of the last event applied to a document. */
  public static final String LAST_SEQ = "lastSeq";

  private static final int MAX_ROUNDS = 50;

  private final MongoTemplate mongo;
  private final String collection;
  private final Map<String, List<Change>> pending = new LinkedHashMap<>();

  public SeqGuardedWrites(MongoTemplate mongo, String collection) {
    this.mongo = mongo;
    this.collection = collection;
  }

  /** The change the event at {@code seq} makes to document {@code id}; fill it in. */
  public Change change(String id, long seq) {
    Change change = new Change(seq);
    pending.computeIfAbsent(id, k -> new ArrayList<>()).add(change);
    return change;
  }

  public boolean isEmpty() {
    return pending.isEmpty();
  }

  /** Writes every change a document has not applied yet; returns how many documents changed. */
  public int write() {
    Map<String, List<Change>> left = new LinkedHashMap<>(pending);
    int written = 0;
    for (int round = 0; !left.isEmpty(); round++) {
      if (round == MAX_ROUNDS) {
        throw new IllegalStateException(
            "Documents " + left.keySet() + " in " + collection + " keep changing under the batch");
      }
      Map<String, Document> current = new HashMap<>();
      mongo
          .find(Query.query(Criteria.where("_id").in(left.keySet())), Document.class, collection)
          .forEach(d -> current.put(String.valueOf(d.get("_id")), d));
      BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
      int operations = 0;
      for (var it = left.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, List<Change>> entry = it.next();
        Document doc = current.get(entry.getKey());
        long applied = lastSeq(doc);
        List<Change> todo = entry.getValue().stream().filter(c -> c.seq > applied).toList();
        if (todo.isEmpty()) {
          it.remove();
          continue;
        }
        Update update = merge(todo);
        Query filter =
            GuardedUpdate.onVersion(
                entry.getKey(), doc == null ? null : doc.get(GuardedUpdate.VERSION));
        if (doc == null) {
          bulk.upsert(filter, update);
        } else {
          bulk.updateOne(filter, update);
        }
        operations++;
      }
      if (operations == 0) {
        break;
      }
      try {
        BulkWriteResult result = bulk.execute();
        int landed = result.getMatchedCount() + result.getUpserts().size();
        written += landed;
        if (landed == operations) {
          break;
        }
      } catch (BulkOperationException createdMeanwhile) {
        // Typically an upsert that lost the race to create the document: read again.
        written +=
            createdMeanwhile.getResult().getMatchedCount()
                + createdMeanwhile.getResult().getUpserts().size();
      }
      // Some documents changed since they were read: the next round reads them again, and finds
      // the ones that did land marked with their offsets.
    }
    pending.clear();
    return written;
  }

  private static long lastSeq(Document doc) {
    Number last = doc == null ? null : doc.get(LAST_SEQ, Number.class);
    return last == null ? Long.MIN_VALUE : last.longValue();
  }

  private static Update merge(List<Change> changes) {
    Map<String, Long> inc = new LinkedHashMap<>();
    Map<String, Object> set = new LinkedHashMap<>();
    Map<String, Object> setOnInsert = new LinkedHashMap<>();
    Map<String, Date> min = new LinkedHashMap<>();
    Map<String, Date> max = new LinkedHashMap<>();
    long last = Long.MIN_VALUE;
    for (Change c : changes) {
      c.inc.forEach((k, v) -> inc.merge(k, v, Long::sum));
      set.putAll(c.set);
      c.setOnInsert.forEach(setOnInsert::putIfAbsent);
      c.min.forEach((k, v) -> min.merge(k, v, (a, b) -> a.before(b) ? a : b));
      c.max.forEach((k, v) -> max.merge(k, v, (a, b) -> a.after(b) ? a : b));
      last = Math.max(last, c.seq);
    }
    Update update = new Update();
    inc.forEach(
        (k, v) -> {
          if (v != 0) {
            // As an int while it fits, so counters keep the type they were created with.
            update.inc(k, v == (int) (long) v ? (Number) (int) (long) v : v);
          }
        });
    set.forEach(update::set);
    setOnInsert.forEach(update::setOnInsert);
    min.forEach(update::min);
    max.forEach(update::max);
    return update.set(LAST_SEQ, last).inc(GuardedUpdate.VERSION, 1);
  }

  /** What one event changes in one document. */
  public static final class Change {
    private final long seq;
    private final Map<String, Long> inc = new LinkedHashMap<>();
    private final Map<String, Object> set = new LinkedHashMap<>();
    private final Map<String, Object> setOnInsert = new LinkedHashMap<>();
    private final Map<String, Date> min = new LinkedHashMap<>();
    private final Map<String, Date> max = new LinkedHashMap<>();

    private Change(long seq) {
      this.seq = seq;
    }

    public Change inc(String field, long by) {
      inc.merge(field, by, Long::sum);
      return this;
    }

    public Change set(String field, Object value) {
      set.put(field, value);
      return this;
    }

    public Change setOnInsert(String field, Object value) {
      setOnInsert.putIfAbsent(field, value);
      return this;
    }

    public Change min(String field, Date value) {
      if (value != null) {
        min.merge(field, value, (a, b) -> a.before(b) ? a : b);
      }
      return this;
    }

    public Change max(String field, Date value) {
      if (value != null) {
        max.merge(field, value, (a, b) -> a.after(b) ? a : b);
      }
      return this;
    }
  }
}
