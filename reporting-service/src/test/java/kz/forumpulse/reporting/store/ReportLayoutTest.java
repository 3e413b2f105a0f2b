package kz.forumpulse.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import java.util.UUID;
import kz.forumpulse.reporting.ReportingIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A store written by a release with another report layout is recognised at start-up (and then
 * rebuilt, {@code RebuildOutdatedReports}); a new or current one is not. Each case in a database of
 * its own: the pointer is per database.
 */
@ReportingIntegrationTest
class ReportLayoutTest {

  @Autowired MongoClient client;

  MongoTemplate db;

  @AfterEach
  void drop() {
    if (db != null) {
      db.getDb().drop();
    }
  }

  @Test
  void aNewStoreIsCurrentAndNotesItsLayout() {
    db = database();
    ReportStore store = new ReportStore(db);
    assertThat(store.outdated()).isFalse();
    assertThat(db.findById("active", Document.class, ReportStore.POINTER).getInteger("layout"))
        .isEqualTo(ReportStore.LAYOUT);
    assertThat(new ReportStore(db).outdated()).isFalse();
  }

  @Test
  void reportsStoredBeforeLayoutsWereNotedAreOutdated() {
    db = database();
    db.insert(new Document("_id", "q1"), new Generation("g1").questions());
    assertThat(new ReportStore(db).outdated()).isTrue();
  }

  @Test
  void anOlderLayoutIsOutdatedAndTheCurrentOneIsNot() {
    db = database();
    db.insert(
        new Document("_id", "active").append("generation", "g7").append("layout", 1),
        ReportStore.POINTER);
    assertThat(new ReportStore(db).outdated()).isTrue();

    db.getCollection(ReportStore.POINTER)
        .updateOne(
            new Document("_id", "active"),
            new Document("$set", new Document("layout", ReportStore.LAYOUT)));
    assertThat(new ReportStore(db).outdated()).isFalse();
  }

  private MongoTemplate database() {
    return new MongoTemplate(client, "layout_" + UUID.randomUUID().toString().substring(0, 8));
  }
}
