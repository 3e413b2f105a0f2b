package kz.forumpulse.mongoemulator;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexNarrowingTest {

  private static final List<Index<Integer>> INDEXES = new ArrayList<>();

  static {
    UnchangedKeysIndex ids =
        new UnchangedKeysIndex("_id_", List.of(new IndexKey("_id", true)), false);
    for (int i = 0; i < 5; i++) {
      ids.add(new Document("_id", "q" + i), 100 + i, null);
    }
    INDEXES.add(ids);
  }

  private static Document in(Object... ids) {
    return new Document("_id", new Document("$in", List.of(ids)));
  }

  @Test
  void stringIdsAreLookedUpOneByOneInValueOrder() {
    assertThat(IndexNarrowing.idsIn(in("q3", "absent", "q1", "q3"), INDEXES))
        .containsExactly(101, 103);
    assertThat(IndexNarrowing.idsIn(in(), INDEXES)).isEmpty();
  }

  @Test
  void anyOtherFilterIsLeftToTheServer() {
    assertThat(IndexNarrowing.idsIn(in("q1", 7), INDEXES)).as("a number among the ids").isNull();
    assertThat(IndexNarrowing.idsIn(in("q1").append("v", 1), INDEXES))
        .as("another condition")
        .isNull();
    assertThat(
            IndexNarrowing.idsIn(
                new Document("_id", new Document("$in", List.of("q1")).append("$ne", "q2")),
                INDEXES))
        .as("another operator")
        .isNull();
    assertThat(
            IndexNarrowing.idsIn(new Document("code", new Document("$in", List.of("q1"))), INDEXES))
        .as("another field")
        .isNull();
  }
}
