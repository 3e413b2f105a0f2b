package kz.forumpulse.mongoemulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The narrowing backends answer every filter exactly as the stock ones do (same documents, same
 * order, same updates), and really narrow the filters the services use for compare-and-set.
 */
class NarrowingBackendTest {

  @TempDir Path dir;

  /** Filters of the shapes the services send, including ones that must not narrow wrongly. */
  private static List<Bson> filters(Random random) {
    List<Bson> filters = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = "q" + random.nextInt(60);
      int v = random.nextInt(4);
      filters.add(Filters.and(Filters.eq("_id", id), Filters.eq("v", v)));
      filters.add(Filters.and(Filters.eq("_id", id), Filters.lt("v", v)));
      filters.add(Filters.and(Filters.eq("_id", id), Filters.exists("v", false)));
      filters.add(
          Filters.and(
              Filters.and(Filters.eq("_id", id), Filters.eq("v", v)),
              Filters.ne("tags", "t" + random.nextInt(3))));
      filters.add(Filters.and(Filters.eq("_id", id), Filters.eq("tags", "t" + random.nextInt(3))));
      filters.add(
          Filters.and(Filters.eq("forum", "f" + random.nextInt(3)), Filters.eq("code", "c" + i)));
      filters.add(
          Filters.and(
              Filters.eq("forum", "f" + random.nextInt(3)),
              Filters.eq("contact", "k" + random.nextInt(60)),
              Filters.eq("v", v)));
      filters.add(Filters.and(Filters.eq("_id", id), Filters.eq("forum", "f" + random.nextInt(3))));
      filters.add(Filters.and(Filters.eq("_id", id), Filters.eq("_id", "q" + random.nextInt(60))));
      filters.add(Filters.or(Filters.eq("_id", id), Filters.eq("v", v)));
      filters.add(Filters.eq("forum", "f" + random.nextInt(3)));
      filters.add(Filters.and(Filters.eq("_id", id), Filters.eq("missing", null)));
      // read one id at a time from the _id index (only string ids, nothing else in the filter)
      filters.add(
          Filters.in("_id", "q" + random.nextInt(60), "q" + random.nextInt(60), id, id, "absent"));
      filters.add(Filters.in("_id", List.of()));
      filters.add(Filters.in("_id", "q" + random.nextInt(60), 7));
      filters.add(Filters.and(Filters.in("_id", id, "q" + random.nextInt(60)), Filters.eq("v", v)));
      filters.add(Filters.in("contact", "k" + random.nextInt(60), "k" + random.nextInt(60)));
    }
    return filters;
  }

  private static void fill(MongoCollection<Document> c, Random random) {
    c.createIndex(Indexes.ascending("_id", "v"), new IndexOptions().unique(true));
    c.createIndex(Indexes.ascending("forum", "contact"), new IndexOptions().unique(true));
    c.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).sparse(true));
    for (int i = 0; i < 60; i++) {
      Document d =
          new Document("_id", "q" + i)
              .append("forum", "f" + (i % 3))
              .append("contact", "k" + i)
              .append("tags", List.of("t" + (i % 3), "t" + ((i + 1) % 3)));
      if (i % 5 != 0) {
        d.append("v", random.nextInt(4));
      }
      if (i % 2 == 0) {
        d.append("code", "c" + i);
      }
      c.insertOne(d);
    }
  }

  /** Runs every filter as find, update, upsert and delete; returns what each one saw. */
  private static List<Object> exercise(MongoBackend backend, long seed) {
    MongoServer server = new MongoServer(backend);
    InetSocketAddress address = server.bind();
    try (MongoClient client =
        MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
      MongoCollection<Document> c = client.getDatabase("test").getCollection("docs");
      Random random = new Random(seed);
      fill(c, random);
      List<Object> seen = new ArrayList<>();
      Function<Bson, Object> find =
          f -> c.find(f).sort(Sorts.ascending("_id")).into(new ArrayList<>());
      for (Bson filter : filters(random)) {
        seen.add(find.apply(filter));
        seen.add(c.find(filter).into(new ArrayList<>()));
        seen.add(c.countDocuments(filter));
        seen.add(c.updateOne(filter, Updates.inc("n", 1)).getModifiedCount());
        seen.add(
            c.updateOne(filter, Updates.inc("u", 1), new UpdateOptions().upsert(false))
                .getMatchedCount());
        // Updates that change (or seem to change) unique keys: collisions, a sparse key removed, an
        // int replaced by an equal long.
        seen.add(updateOrError(c, filter, Updates.set("v", random.nextInt(4))));
        seen.add(updateOrError(c, filter, Updates.set("contact", "k" + random.nextInt(60))));
        seen.add(updateOrError(c, filter, Updates.set("code", "c" + random.nextInt(60))));
        seen.add(updateOrError(c, filter, Updates.unset("code")));
        seen.add(updateOrError(c, filter, Updates.set("v", (long) random.nextInt(4))));
      }
      seen.add(
          c.deleteMany(Filters.and(Filters.eq("_id", "q7"), Filters.exists("v")))
              .getDeletedCount());
      seen.add(find.apply(new Document()));
      return seen;
    } finally {
      server.shutdownNow();
    }
  }

  /** The update's modified count, or the error code and message it was refused with. */
  private static Object updateOrError(MongoCollection<Document> c, Bson filter, Bson update) {
    try {
      return c.updateOne(filter, update).getModifiedCount();
    } catch (MongoWriteException e) {
      return e.getCode() + " " + e.getError().getMessage();
    }
  }

  @Test
  void memoryBackendAnswersExactlyAsTheStockOne() {
    for (long seed = 1; seed <= 3; seed++) {
      NarrowingMemoryBackend narrowing = new NarrowingMemoryBackend();
      assertThat(exercise(narrowing, seed)).isEqualTo(exercise(new MemoryBackend(), seed));
      assertThat(narrowing.narrowedQueries()).isGreaterThan(100);
    }
  }

  @Test
  void h2BackendAnswersExactlyAsTheStockOne() {
    NarrowingH2Backend narrowing = new NarrowingH2Backend(dir.resolve("n.mv.db").toString());
    List<Object> narrowed = exercise(narrowing, 7);
    assertThat(narrowed).isEqualTo(exercise(new H2Backend(dir.resolve("s.mv.db").toString()), 7));
    assertThat(narrowing.narrowedQueries()).isGreaterThan(100);
  }

  @Test
  void compareAndSetOnIdAndVersionIsNarrowedAndStillGuards() {
    NarrowingMemoryBackend backend = new NarrowingMemoryBackend();
    withClient(
        backend,
        client -> {
          MongoCollection<Document> c = client.getDatabase("test").getCollection("guarded");
          c.insertOne(new Document("_id", "a").append("revision", 1));
          long before = backend.narrowedQueries();

          Bson stale = Filters.and(Filters.eq("_id", "a"), Filters.eq("revision", 0));
          Bson current = Filters.and(Filters.eq("_id", "a"), Filters.eq("revision", 1));
          assertThat(c.updateOne(stale, Updates.inc("revision", 1)).getModifiedCount()).isZero();
          assertThat(c.updateOne(current, Updates.inc("revision", 1)).getModifiedCount()).isOne();
          assertThat(c.updateOne(current, Updates.inc("revision", 1)).getModifiedCount()).isZero();

          assertThat(c.find(Filters.eq("_id", "a")).first()).containsEntry("revision", 2);
          assertThat(backend.narrowedQueries() - before).isEqualTo(3);
          return null;
        });
  }

  @Test
  void keepsNoSizeTotalSoAWriteDoesNotEncodeTheWholeDocument() {
    // collStats' size is the only reader of the total; the stock backend re-encodes the document
    // on every write to keep it (twice per update), which grows with the document.
    assertThat(collStatsSizeAfterWrites(new MemoryBackend())).isPositive();
    assertThat(collStatsSizeAfterWrites(new NarrowingMemoryBackend())).isZero();
    assertThat(collStatsSizeAfterWrites(new NarrowingH2Backend(dir.resolve("z.mv.db").toString())))
        .isZero();
  }

  private static long collStatsSizeAfterWrites(MongoBackend backend) {
    return withClient(
        backend,
        client -> {
          MongoCollection<Document> c = client.getDatabase("test").getCollection("sized");
          c.insertOne(new Document("_id", "q").append("supporters", List.of("p0")));
          for (int i = 1; i < 50; i++) {
            c.updateOne(Filters.eq("_id", "q"), Updates.addToSet("supporters", "p" + i));
          }
          assertThat(c.find(Filters.eq("_id", "q")).first().getList("supporters", String.class))
              .hasSize(50);
          Document stats =
              client.getDatabase("test").runCommand(new Document("collStats", "sized"));
          return ((Number) stats.get("size")).longValue();
        });
  }

  /** Runs {@code work} with a client of a server on {@code backend}, then shuts the server down. */
  private static <T> T withClient(MongoBackend backend, Function<MongoClient, T> work) {
    MongoServer server = new MongoServer(backend);
    InetSocketAddress address = server.bind();
    try (MongoClient client =
        MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
      return work.apply(client);
    } finally {
      server.shutdownNow();
    }
  }

  @Test
  void countsEachRoundTripByCommandAndCollection() {
    NarrowingMemoryBackend backend = new NarrowingMemoryBackend();
    withClient(
        backend,
        client -> {
          MongoCollection<Document> c = client.getDatabase("test").getCollection("counted");
          c.insertMany(List.of(new Document("_id", "a"), new Document("_id", "b")));
          c.updateOne(Filters.eq("_id", "a"), Updates.set("v", 1));
          c.updateOne(Filters.eq("_id", "b"), Updates.set("v", 2));
          c.find(Filters.eq("v", 2)).first();
          // One bulk write of two updates is one round trip.
          c.bulkWrite(
              List.of(
                  new com.mongodb.client.model.UpdateOneModel<>(
                      Filters.eq("_id", "a"), Updates.inc("v", 1)),
                  new com.mongodb.client.model.UpdateOneModel<>(
                      Filters.eq("_id", "b"), Updates.inc("v", 1))));

          assertThat(backend.commandCounts())
              .containsEntry("insert counted", 1L)
              .containsEntry("update counted", 3L)
              .containsEntry("find counted", 1L);
          return null;
        });
  }

  @Test
  void opensAFileTheStockH2BackendWrote() {
    String file = dir.resolve("shared.mv.db").toString();
    MongoServer stock = new MongoServer(new H2Backend(file));
    InetSocketAddress first = stock.bind();
    try (MongoClient client =
        MongoClients.create("mongodb://" + first.getHostString() + ":" + first.getPort())) {
      MongoCollection<Document> c = client.getDatabase("test").getCollection("kept");
      c.createIndex(Indexes.ascending("_id", "v"), new IndexOptions().unique(true));
      c.insertOne(new Document("_id", "x").append("v", 3));
    } finally {
      stock.shutdownNow();
    }

    NarrowingH2Backend backend = new NarrowingH2Backend(file);
    MongoServer server = new MongoServer(backend);
    InetSocketAddress second = server.bind();
    try (MongoClient client =
        MongoClients.create("mongodb://" + second.getHostString() + ":" + second.getPort())) {
      MongoCollection<Document> c = client.getDatabase("test").getCollection("kept");
      assertThat(c.find(Filters.and(Filters.eq("_id", "x"), Filters.gte("v", 3))).first())
          .containsEntry("v", 3);
      assertThat(backend.narrowedQueries()).isOne();
    } finally {
      server.shutdownNow();
    }
  }
}
