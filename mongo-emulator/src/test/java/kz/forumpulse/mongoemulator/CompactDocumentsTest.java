package kz.forumpulse.mongoemulator;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactDocumentsTest {

  /** A string equal to {@code s} but never the canonical instance, as the wire decoder makes. */
  private static String fresh(String s) {
    return new String(s.toCharArray());
  }

  @Test
  void fieldNamesAndShortValuesBecomeSharedLongTextsStayAndNothingElseChanges() {
    String longText = "Когда отремонтируют дорогу в ауле? ".repeat(4);
    Document nested = new Document(fresh("district"), fresh("URALSK"));
    List<Object> tags = new ArrayList<>(List.of(fresh("kk"), 3));
    Document doc =
        new Document(fresh("_id"), fresh("q-1"))
            .append(fresh("forumId"), fresh("f-1"))
            .append(fresh("text"), longText)
            .append(fresh("asker"), nested)
            .append(fresh("languages"), tags)
            .append(fresh("count"), 7);
    Document before = new Document(doc);

    CompactDocuments.compact(doc);

    assertThat(doc).isEqualTo(before);
    assertThat(new ArrayList<>(doc.keySet()))
        .containsExactly("_id", "forumId", "text", "asker", "languages", "count");
    doc.keySet().forEach(key -> assertThat(key).isSameAs(key.intern()));
    assertThat(doc.get("forumId")).isSameAs("f-1");
    assertThat(doc.get("text")).isSameAs(longText);
    Document asker = (Document) doc.get("asker");
    assertThat(asker.keySet().iterator().next()).isSameAs("district");
    assertThat(asker.get("district")).isSameAs("URALSK");
    assertThat(((List<?>) doc.get("languages")).get(0)).isSameAs("kk");
  }

  @Test
  void sharedIsAlwaysTheInternedInstanceEvenWhenStringsShareATableSlot() {
    // Two different strings the table keeps in the same slot (same hash: "Aa" and "BB").
    String first = "forum-Aa-" + System.nanoTime();
    String second = first.replace("-Aa-", "-BB-");
    assertThat(second.hashCode()).isEqualTo(first.hashCode());

    for (int round = 0; round < 3; round++) {
      String a = CompactDocuments.share(fresh(first));
      String b = CompactDocuments.share(fresh(second));
      assertThat(a).isEqualTo(first).isSameAs(first.intern());
      assertThat(b).isEqualTo(second).isSameAs(second.intern());
    }
    String repeated = CompactDocuments.share(fresh(first));
    assertThat(CompactDocuments.share(fresh(first))).isSameAs(repeated);
  }
}
