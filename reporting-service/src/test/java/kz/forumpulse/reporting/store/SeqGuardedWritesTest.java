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

@ReportingIntegrationTest
class SeqGuardedWritesTest {

  @Autowired MongoTemplate mongo;

  final String collection = "guarded_" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void drop() {
    mongo.dropCollection(collection);
  }

  @Test
  void concurrentWritersApplyEachEventExactlyOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> results = new ArrayList<>();
    // 4 writers race to apply the same 25 events, one at a time, to a document that does not
    // exist yet, as instances sharing a partition during a rebalance would.
    for (int writer = 0; writer < 4; writer++) {
      results.add(
          pool.submit(
              () -> {
                int written = 0;
                for (long seq = 1; seq <= 25; seq++) {
                  SeqGuardedWrites writes = new SeqGuardedWrites(mongo, collection);
                  writes.change("cell", seq).inc("count", 1).setOnInsert("kind", "cell");
                  written += writes.write();
                }
                return written;
              }));
    }
    long written = 0;
    for (Future<Integer> r : results) {
      written += r.get();
    }
    pool.shutdown();

    Document cell = mongo.findById("cell", Document.class, collection);
    assertThat(written).isEqualTo(25);
    assertThat(cell.getInteger("count")).isEqualTo(25);
    assertThat(cell.get(SeqGuardedWrites.LAST_SEQ, Number.class).longValue()).isEqualTo(25);
    assertThat(cell.get(GuardedUpdate.VERSION, Number.class).intValue()).isEqualTo(25);
    assertThat(cell.getString("kind")).isEqualTo("cell");
  }

  @Test
  void eventsADocumentHasAppliedChangeNothingAndTheRestLandInOneWrite() {
    mongo.insert(
        new Document("_id", "d")
            .append("count", 3)
            .append(SeqGuardedWrites.LAST_SEQ, 7L)
            .append(GuardedUpdate.VERSION, 4),
        collection);

    SeqGuardedWrites writes = new SeqGuardedWrites(mongo, collection);
    writes.change("d", 5).inc("count", 100);
    writes.change("d", 7).inc("count", 100);
    writes.change("d", 8).inc("count", 1);
    writes.change("d", 9).inc("count", 2);
    assertThat(writes.write()).isEqualTo(1);

    Document d = mongo.findById("d", Document.class, collection);
    assertThat(d.getInteger("count")).isEqualTo(6);
    assertThat(d.get(SeqGuardedWrites.LAST_SEQ, Number.class).longValue()).isEqualTo(9);
    assertThat(d.getInteger(GuardedUpdate.VERSION)).isEqualTo(5);

    SeqGuardedWrites again = new SeqGuardedWrites(mongo, collection);
    again.change("d", 9).inc("count", 2);
    assertThat(again.write()).isZero();
    assertThat(mongo.findById("d", Document.class, collection).getInteger("count")).isEqualTo(6);
  }

  @Test
  void aRivalThatCreatesTheDocumentFirstMakesTheWriterReadAgainAndApplyOnlyWhatIsLeft() {
    // Two instances during a rebalance: this one reads "no document yet", then the rival applies
    // events 1 and 2 and so creates it. This one's upsert collides on the id; it must read again
    // and apply event 3 alone.
    SeqGuardedWrites rival = new SeqGuardedWrites(mongo, collection);
    int[] reads = {0};
    SeqGuardedWrites writes =
        new SeqGuardedWrites(
            mongo,
            collection,
            () -> {
              if (reads[0]++ == 0) {
                rival.change("d", 1).inc("count", 1).setOnInsert("kind", "rival");
                rival.change("d", 2).inc("count", 1);
                assertThat(rival.write()).isEqualTo(1);
              }
            });
    writes.change("d", 1).inc("count", 1).setOnInsert("kind", "late");
    writes.change("d", 2).inc("count", 1);
    writes.change("d", 3).inc("count", 1);

    assertThat(writes.write()).isEqualTo(1);
    assertThat(reads[0]).isEqualTo(2);
    Document d = mongo.findById("d", Document.class, collection);
    assertThat(d.getInteger("count")).isEqualTo(3);
    assertThat(d.getString("kind")).isEqualTo("rival");
    assertThat(d.get(SeqGuardedWrites.LAST_SEQ, Number.class).longValue()).isEqualTo(3);
    assertThat(d.getInteger(GuardedUpdate.VERSION)).isEqualTo(2);
  }
}
