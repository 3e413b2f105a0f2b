package kz.forumpulse.reporting.store;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

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
  private final Runnable afterRead;

  public SeqGuardedWrites(MongoTemplate mongo, String collection) {
    this(mongo, collection, () -> {});
  }

  /** With {@code afterRead} run between a round's read and its write: where a rival can cut in. */
  SeqGuardedWrites(MongoTemplate mongo, String collection, Runnable afterRead) {
    this.mongo = mongo;
    this.collection = collection;
    this.afterRead = afterRead;
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
      // Only what decides the write: a group or cell document carries maps by district, role
      // and language, which the database would otherwise copy and encode, and the driver decode,
      // once per batch each.
      Map<String, Document> current =
          RawDocuments.byId(mongo, collection, left.keySet(), LAST_SEQ, GuardedUpdate.VERSION);
      afterRead.run();
      List<UpdateOneModel<Document>> writes = new ArrayList<>();
      for (var it = left.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, List<Change>> entry = it.next();
        Document doc = current.get(entry.getKey());
        List<Change> todo = notApplied(entry.getValue(), lastSeq(doc));
        if (todo.isEmpty()) {
          it.remove();
          continue;
        }
        writes.add(
            new UpdateOneModel<>(
                GuardedUpdate.onVersion(
                    entry.getKey(), doc == null ? null : doc.get(GuardedUpdate.VERSION)),
                merge(todo),
                new UpdateOptions().upsert(doc == null)));
      }
      if (writes.isEmpty()) {
        break;
      }
      // A write that missed found its document changed since it was read, or lost the race to
      // create it: the next round reads them again, and finds the ones that did land marked with
      // their offsets.
      RawDocuments.Landed landed = RawDocuments.write(mongo, collection, writes);
      written += landed.matched() + landed.upserted();
      if (landed.matched() + landed.upserted() == writes.size()) {
        break;
      }
    }
    pending.clear();
    return written;
  }

  private static List<Change> notApplied(List<Change> changes, long applied) {
    List<Change> todo = new ArrayList<>(changes.size());
    for (Change c : changes) {
      if (c.seq > applied) {
        todo.add(c);
      }
    }
    return todo;
  }

  private static long lastSeq(Document doc) {
    Number last = doc == null ? null : doc.get(LAST_SEQ, Number.class);
    return last == null ? Long.MIN_VALUE : last.longValue();
  }

  private static Document merge(List<Change> changes) {
    Map<String, Long> inc = new LinkedHashMap<>();
    Document set = new Document();
    Document setOnInsert = new Document();
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
    Document increments = new Document();
    inc.forEach(
        (k, v) -> {
          if (v != 0) {
            // As an int while it fits, so counters keep the type they were created with.
            increments.put(k, v == (int) (long) v ? (Number) (int) (long) v : v);
          }
        });
    increments.put(GuardedUpdate.VERSION, 1);
    set.put(LAST_SEQ, last);
    Document update = new Document("$inc", increments).append("$set", set);
    if (!setOnInsert.isEmpty()) {
      update.append("$setOnInsert", setOnInsert);
    }
    if (!min.isEmpty()) {
      update.append("$min", new Document(min));
    }
    if (!max.isEmpty()) {
      update.append("$max", new Document(max));
    }
    return update;
  }

  /** What one event changes in one document. */
  public static final class Change {
    private final long seq;
    // Most events touch a few counters only; the maps they leave alone stay shared and empty.
    private Map<String, Long> inc = Map.of();
    private Map<String, Object> set = Map.of();
    private Map<String, Object> setOnInsert = Map.of();
    private Map<String, Date> min = Map.of();
    private Map<String, Date> max = Map.of();

    private Change(long seq) {
      this.seq = seq;
    }

    public Change inc(String field, long by) {
      inc = writable(inc);
      inc.merge(field, by, Long::sum);
      return this;
    }

    public Change set(String field, Object value) {
      set = writable(set);
      set.put(field, value);
      return this;
    }

    public Change setOnInsert(String field, Object value) {
      setOnInsert = writable(setOnInsert);
      setOnInsert.putIfAbsent(field, value);
      return this;
    }

    public Change min(String field, Date value) {
      if (value != null) {
        min = writable(min);
        min.merge(field, value, (a, b) -> a.before(b) ? a : b);
      }
      return this;
    }

    public Change max(String field, Date value) {
      if (value != null) {
        max = writable(max);
        max.merge(field, value, (a, b) -> a.after(b) ? a : b);
      }
      return this;
    }

    private static <V> Map<String, V> writable(Map<String, V> map) {
      return map instanceof LinkedHashMap ? map : new LinkedHashMap<>();
    }
  }
}
