package kz.forumpulse.mongoemulator;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * mongo-java-server's memory backend with {@link IndexNarrowing}, documents stored with shared
 * strings ({@link CompactDocuments}), and unique indexes that skip an update that left their keys
 * alone ({@link UnchangedKeysIndex}).
 */
public class NarrowingMemoryBackend extends MemoryBackend {

  private final LongAdder narrowed = new LongAdder();
  private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();

  /** Queries answered from an index they would have scanned for without narrowing. */
  public long narrowedQueries() {
    return narrowed.sum();
  }

  /**
   * Commands received so far, by name and collection ({@code "update questions"}): each is one
   * round trip, whatever it carries (a bulk write of 500 updates counts once). The benchmark
   * reports them per write, a figure that, unlike time, does not move with the machine's load.
   */
  public Map<String, Long> commandCounts() {
    Map<String, Long> counts = new TreeMap<>();
    commands.forEach((key, count) -> counts.put(key, count.sum()));
    return counts;
  }

  @Override
  public Document handleMessage(MongoMessage message) {
    Document command = message.getDocument();
    if (!command.isEmpty()) {
      String name = command.keySet().iterator().next();
      String key = command.get(name) instanceof String target ? name + " " + target : name;
      commands.computeIfAbsent(key, k -> new LongAdder()).increment();
    }
    return super.handleMessage(message);
  }

  @Override
  public MemoryDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName, getCursorRegistry(), narrowed);
  }

  static final class Database extends MemoryDatabase {

    private final LongAdder narrowed;

    Database(String name, CursorRegistry cursors, LongAdder narrowed) {
      super(name, cursors);
      this.narrowed = narrowed;
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
      return new Collection(this, name, options, cursorRegistry, narrowed);
    }

    @Override
    protected Index<Integer> openOrCreateUniqueIndex(
        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      return new UnchangedKeysIndex(indexName, keys, sparse);
    }
  }

  static final class Collection extends MemoryCollection {

    private final LongAdder narrowed;

    Collection(
        MemoryDatabase database,
        String name,
        CollectionOptions options,
        CursorRegistry cursors,
        LongAdder narrowed) {
      super(database, name, options, cursors);
      this.narrowed = narrowed;
    }

    /**
     * No running total of the collection's size in BSON (only {@code collStats} reports it, and
     * nothing here reads it). Keeping it costs a full BSON encoding of the document on every insert
     * and removal and two on every update, which grows with the document: measured on a question
     * gathering 3,000 supporters (docs/benchmark.md, "hot question").
     */
    @Override
    protected boolean tracksDataSize() {
      return false;
    }

    @Override
    protected Integer addDocumentInternal(Document document) {
      CompactDocuments.compact(document);
      return super.addDocumentInternal(document);
    }

    /** Called once the stored document was changed in place. */
    @Override
    protected void handleUpdate(Integer position, Document stored, Document updated) {
      super.handleUpdate(position, stored, updated);
      CompactDocuments.compact(getDocument(position));
    }

    @Override
    protected QueryResult queryDocuments(
        Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
      Iterable<Integer> byId = IndexNarrowing.idsIn(query, getIndexes());
      if (byId != null) {
        return matchDocuments(new Document(), byId, orderBy, skip, limit, batchSize, fields);
      }
      Iterable<Integer> candidates = IndexNarrowing.candidates(query, getIndexes());
      if (candidates == null) {
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
      }
      narrowed.increment();
      return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fields);
    }
  }
}
