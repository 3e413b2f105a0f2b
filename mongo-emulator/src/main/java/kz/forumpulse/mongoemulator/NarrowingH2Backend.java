package kz.forumpulse.mongoemulator;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.concurrent.atomic.LongAdder;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** mongo-java-server's H2 (MVStore file) backend with {@link IndexNarrowing}. */
public class NarrowingH2Backend extends H2Backend {

  /** H2Backend opens the databases already in the file from its constructor. */
  private static final ThreadLocal<LongAdder> CONSTRUCTING = new ThreadLocal<>();

  private final LongAdder narrowed;

  public NarrowingH2Backend(String fileName) {
    super(constructing(fileName));
    narrowed = CONSTRUCTING.get();
    CONSTRUCTING.remove();
  }

  private static String constructing(String fileName) {
    CONSTRUCTING.set(new LongAdder());
    return fileName;
  }

  /** Queries answered from an index they would have scanned for without narrowing. */
  public long narrowedQueries() {
    return narrowed.sum();
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new Database(
        databaseName,
        getMvStore(),
        getCursorRegistry(),
        narrowed != null ? narrowed : CONSTRUCTING.get());
  }

  static final class Database extends H2Database {

    /** The H2 database opens its existing collections in its constructor, before fields are set. */
    private static final ThreadLocal<Object[]> OPENING = new ThreadLocal<>();

    private final MVStore store;
    private final LongAdder narrowed;

    Database(String name, MVStore store, CursorRegistry cursors, LongAdder narrowed) {
      super(name, constructing(store, narrowed), cursors);
      OPENING.remove();
      this.store = store;
      this.narrowed = narrowed;
    }

    private static MVStore constructing(MVStore store, LongAdder narrowed) {
      OPENING.set(new Object[] {store, narrowed});
      return store;
    }

    /** As {@link H2Database} opens a collection (same map names, so existing files open). */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(
        String name, CollectionOptions options) {
      Object[] early = OPENING.get();
      MVStore mvStore = store != null ? store : (MVStore) early[0];
      LongAdder counter = narrowed != null ? narrowed : (LongAdder) early[1];
      String namespace = getFullCollectionNamespace(name);
      MVMap<Object, Document> documents = mvStore.openMap("databases." + namespace);
      MVMap<String, Object> meta = mvStore.openMap("meta." + namespace);
      return new Collection(this, name, options, documents, meta, cursorRegistry, counter);
    }
  }

  static final class Collection extends H2Collection {

    private final LongAdder narrowed;

    Collection(
        MongoDatabase database,
        String name,
        CollectionOptions options,
        MVMap<Object, Document> documents,
        MVMap<String, Object> meta,
        CursorRegistry cursors,
        LongAdder narrowed) {
      super(database, name, options, documents, meta, cursors);
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
    protected QueryResult queryDocuments(
        Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
      Iterable<Object> byId = IndexNarrowing.idsIn(query, getIndexes());
      if (byId != null) {
        return matchDocuments(new Document(), byId, orderBy, skip, limit, batchSize, fields);
      }
      Iterable<Object> candidates = IndexNarrowing.candidates(query, getIndexes());
      if (candidates == null) {
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
      }
      narrowed.increment();
      return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fields);
    }
  }
}
