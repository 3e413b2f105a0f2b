package kz.forumpulse.mongoemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InProcessMongoClientsTest {

  private NarrowingMemoryBackend backend;
  private MongoClient client;
  private MongoCollection<Document> things;

  @BeforeEach
  void connect() {
    backend = new NarrowingMemoryBackend();
    client = InProcessMongoClients.create(backend);
    things = client.getDatabase("test").getCollection("things");
  }

  @AfterEach
  void disconnect() {
    client.close();
    backend.close();
  }

  @Test
  void writesAndReadsBackThroughTheWireProtocol() {
    things.insertOne(new Document("_id", "a").append("text", "Когда начнётся ремонт дороги?"));
    things.updateOne(Filters.eq("_id", "a"), Updates.inc("supports", 2));

    Document read = things.find(Filters.eq("_id", "a")).first();

    assertThat(read)
        .containsEntry("text", "Когда начнётся ремонт дороги?")
        .containsEntry("supports", 2);
    assertThat(backend.commandCounts()).containsKeys("insert things", "update things");
  }

  @Test
  void longResultsArriveInBatchesThroughGetMore() {
    things.insertMany(IntStream.range(0, 1_000).mapToObj(i -> new Document("_id", i)).toList());

    List<Integer> ids = new ArrayList<>();
    try (MongoCursor<Document> cursor =
        things.find().sort(Sorts.ascending("_id")).batchSize(7).iterator()) {
      cursor.forEachRemaining(d -> ids.add(d.getInteger("_id")));
    }

    assertThat(ids).hasSize(1_000).isSorted().startsWith(0, 1, 2).endsWith(999);
    assertThat(backend.commandCounts().get("getMore")).isGreaterThan(100);
  }

  @Test
  void serverErrorsReachTheCallerAndTheConnectionStaysUsable() {
    things.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
    things.insertOne(new Document("_id", 1).append("code", "K-1"));

    assertThatThrownBy(() -> things.insertOne(new Document("_id", 2).append("code", "K-1")))
        .isInstanceOfSatisfying(
            MongoWriteException.class,
            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));

    things.insertOne(new Document("_id", 3).append("code", "K-3"));
    assertThat(things.countDocuments()).isEqualTo(2);
  }

  @Test
  void bulkWritesAndAggregations() {
    List<WriteModel<Document>> writes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      writes.add(new InsertOneModel<>(new Document("_id", i).append("district", "d" + (i % 3))));
    }
    writes.add(
        new UpdateOneModel<>(
            Filters.eq("_id", 1_000),
            Updates.set("district", "d0"),
            new UpdateOptions().upsert(true)));
    things.bulkWrite(writes);

    List<Document> perDistrict =
        things
            .aggregate(
                List.of(
                    Aggregates.group("$district", Accumulators.sum("n", 1)),
                    Aggregates.sort(Sorts.ascending("_id"))))
            .into(new ArrayList<>());

    assertThat(perDistrict)
        .extracting(d -> d.getString("_id") + "=" + d.getInteger("n"))
        .containsExactly("d0=101", "d1=100", "d2=100");
  }

  @Test
  void manyThreadsAtOnceLoseNoUpdate() throws Exception {
    things.insertOne(new Document("_id", "counter").append("n", 0));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 250; i++) {
                    things.updateOne(Filters.eq("_id", "counter"), Updates.inc("n", 1));
                    things.insertOne(new Document());
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(things.find(Filters.eq("_id", "counter")).first()).containsEntry("n", 2_000);
    assertThat(things.countDocuments()).isEqualTo(2_001);
  }

  @Test
  void aClosedClientLeavesTheDataToTheNextOne() {
    things.insertOne(new Document("_id", "kept"));
    client.close();

    client = InProcessMongoClients.create(backend);
    things = client.getDatabase("test").getCollection("things");

    assertThat(things.find(Filters.eq("_id", "kept")).first()).isNotNull();
  }
}
