package kz.forumpulse.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void droppingAGenerationDropsWhatItHasAndAsksForNothingElse() {
    db = database();
    List<String> dropped = new ArrayList<>();
    MongoTemplate recording =
        new MongoTemplate(client, db.getDb().getName()) {
          @Override
          public void dropCollection(String collectionName) {
            dropped.add(collectionName);
            super.dropCollection(collectionName);
          }
        };
    ReportStore store = new ReportStore(recording);
    Generation fresh = store.create();
    assertThat(dropped).as("a new generation has nothing to drop").isEmpty();

    recording.insert(new Document("_id", "q1"), fresh.questions());
    store.drop(fresh);
    assertThat(dropped).contains(fresh.questions(), fresh.groups());
    assertThat(dropped).doesNotContain("question_placements_" + fresh.id());
    assertThat(recording.getCollectionNames()).noneMatch(name -> name.endsWith("_" + fresh.id()));
  }

  private MongoTemplate database() {
    return new MongoTemplate(client, "layout_" + UUID.randomUUID().toString().substring(0, 8));
  }
}
