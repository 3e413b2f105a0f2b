package kz.forumpulse.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.forumpulse.reporting.ReportingIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

@ReportingIntegrationTest
class GuardedUpdateTest {

  @Autowired MongoTemplate mongo;

  final String collection = "guarded_" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void drop() {
    mongo.dropCollection(collection);
  }

  @Test
  void concurrentWritersApplyEachGuardedChangeExactlyOnce() throws Exception {
    GuardedUpdate.prepare(mongo, collection);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Boolean>> results = new ArrayList<>();
    // 4 writers race to add the same 25 members to one document that does not exist yet.
    for (int writer = 0; writer < 4; writer++) {
      for (int m = 0; m < 25; m++) {
        String member = "m" + m;
        results.add(
            pool.submit(
                () ->
                    GuardedUpdate.apply(
                        mongo,
                        collection,
                        "cell",
                        doc -> !doc.getList("members", String.class, List.of()).contains(member),
                        new Update().push("members", member).inc("count", 1),
                        true)));
      }
    }
    long applied = 0;
    for (Future<Boolean> r : results) {
      applied += r.get() ? 1 : 0;
    }
    pool.shutdown();

    Document cell = mongo.findById("cell", Document.class, collection);
    assertThat(applied).isEqualTo(25);
    assertThat(cell.getInteger("count")).isEqualTo(25);
    assertThat(cell.getList("members", String.class)).hasSize(25).doesNotHaveDuplicates();
    assertThat(cell.get(GuardedUpdate.VERSION, Number.class).intValue()).isEqualTo(25);
  }

  @Test
  void aConditionThatDoesNotHoldChangesNothing() {
    mongo.insert(new Document("_id", "d").append("lastSeq", 7L), collection);

    boolean applied =
        GuardedUpdate.apply(
            mongo,
            collection,
            "d",
            doc -> doc.get("lastSeq", Number.class).longValue() < 5,
            new Update().set("lastSeq", 5L),
            false);

    assertThat(applied).isFalse();
    assertThat(mongo.findById("d", Document.class, collection).getLong("lastSeq")).isEqualTo(7L);
    assertThat(
            GuardedUpdate.apply(
                mongo, collection, "missing", doc -> true, new Update().set("x", 1), false))
        .isFalse();
    assertThat(mongo.findById("missing", Document.class, collection)).isNull();
  }
}
