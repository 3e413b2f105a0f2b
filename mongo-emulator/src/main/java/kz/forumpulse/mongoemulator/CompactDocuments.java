package kz.forumpulse.mongoemulator;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares the strings of stored documents. The emulator's memory backend keeps every document as
 * decoded from the wire: each one has its own copy of every field name ("forumId", "project", …)
 * and of every repeated value (forum ids, codes, days). At 100,000 questions that was most of the
 * heap (measured: 5.8 million strings, 380 MB, in the benchmark). Field names and short string
 * values are replaced by one canonical instance ({@link String#intern()}, which the JVM collects
 * once unused); long texts stay as they are.
 */
final class CompactDocuments {

  /** Ids, codes, dates and names fit; question texts usually do not and are rarely repeated. */
  static final int MAX_SHARED_LENGTH = 64;

  private CompactDocuments() {}

  /** Canonicalises the document's field names and short strings, in place. */
  static void compact(Document document) {
    boolean keysCanonical = true;
    for (Map.Entry<String, Object> entry : document.entrySet()) {
      if (entry.getKey().intern() != entry.getKey()) {
        keysCanonical = false;
      }
      entry.setValue(compactValue(entry.getValue()));
    }
    if (!keysCanonical) {
      // A map's keys can only be replaced by putting the entries again, in their order.
      Map<String, Object> entries = new LinkedHashMap<>();
      document.forEach((key, value) -> entries.put(key.intern(), value));
      document.clear();
      document.putAll(entries);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object compactValue(Object value) {
    if (value instanceof String s) {
      return s.length() <= MAX_SHARED_LENGTH ? s.intern() : s;
    }
    if (value instanceof Document nested) {
      compact(nested);
      return nested;
    }
    if (value instanceof ArrayList<?> list) {
      List<Object> elements = (List<Object>) list;
      for (int i = 0; i < elements.size(); i++) {
        elements.set(i, compactValue(elements.get(i)));
      }
    }
    return value;
  }
}
