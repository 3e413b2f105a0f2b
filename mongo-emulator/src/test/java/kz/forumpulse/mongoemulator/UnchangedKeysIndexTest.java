package kz.forumpulse.mongoemulator;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnchangedKeysIndexTest {

  private static UnchangedKeysIndex index(String... keys) {
    return new UnchangedKeysIndex(
        "i", List.of(keys).stream().map(k -> new IndexKey(k, true)).toList(), false);
  }

  private static Document doc(Object... pairs) {
    Document d = new Document();
    for (int i = 0; i < pairs.length; i += 2) {
      d.put((String) pairs[i], pairs[i + 1]);
    }
    return d;
  }

  @Test
  void sameTopLevelValuesAreUnchangedWhateverElseChanged() {
    UnchangedKeysIndex index = index("forumId", "code");
    assertThat(
            index.keysUnchanged(
                doc("forumId", "f", "code", "c", "n", 1), doc("forumId", "f", "code", "c", "n", 2)))
        .isTrue();
    assertThat(index.keysUnchanged(doc("n", 1), doc("n", 2))).as("absent from both").isTrue();
  }

  @Test
  void leavesEverythingUncertainToTheLibrary() {
    UnchangedKeysIndex index = index("forumId", "code");
    assertThat(index.keysUnchanged(doc("forumId", "f", "code", "c"), doc("forumId", "f")))
        .as("removed")
        .isFalse();
    assertThat(index.keysUnchanged(doc("forumId", "f"), doc("forumId", "f", "code", null)))
        .as("absent, then null")
        .isFalse();
    assertThat(index.keysUnchanged(doc("forumId", "f", "code", 1), doc("forumId", "f", "code", 1L)))
        .as("an int, then an equal long")
        .isFalse();
    assertThat(
            index.keysUnchanged(
                doc("forumId", "f", "code", List.of("a")),
                doc("forumId", "f", "code", List.of("a"))))
        .as("an array")
        .isFalse();
    assertThat(index("a.b").keysUnchanged(doc("a", doc("b", 1)), doc("a", doc("b", 1))))
        .as("a path into a sub-document")
        .isFalse();
  }
}
