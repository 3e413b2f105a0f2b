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
 *
 * <p>{@code intern()} is a call into the JVM's string table, and the backend compacts a whole
 * document on every write, updates included, so most of its strings are the same few field names
 * and values again and again: measured with perf in the benchmark's ingest, the string table was
 * ~2.8 % of the process's CPU. {@link #share} therefore first looks in a small table of canonical
 * instances it handed out lately and calls {@code intern()} only when the string is not there; what
 * it returns is always the interned instance, so what is shared is unchanged.
 */
final class CompactDocuments {

  /** Ids, codes, dates and names fit; question texts usually do not and are rarely repeated. */
  static final int MAX_SHARED_LENGTH = 64;

  /**
   * Canonical instances handed out lately, one per slot by hash; a newer string of the same slot
   * replaces the older. 65,536 references (256 KB with compressed pointers) hold the field names
   * and the repeated values of a forum with room to spare; they are interned strings, so keeping
   * them here changes no string's identity. Plain reads and writes from any thread are safe: every
   * element is an interned, immutable string, and a stale read only costs an {@code intern()}.
   */
  private static final int SLOTS = 1 << 16;

  private static final String[] recent = new String[SLOTS];

  private CompactDocuments() {}

  /** Canonicalises the document's field names and short strings, in place. */
  static void compact(Document document) {
    boolean keysCanonical = true;
    for (Map.Entry<String, Object> entry : document.entrySet()) {
      if (share(entry.getKey()) != entry.getKey()) {
        keysCanonical = false;
      }
      entry.setValue(compactValue(entry.getValue()));
    }
    if (!keysCanonical) {
      // A map's keys can only be replaced by putting the entries again, in their order.
      Map<String, Object> entries = new LinkedHashMap<>();
      document.forEach((key, value) -> entries.put(share(key), value));
      document.clear();
      document.putAll(entries);
    }
  }

  /** The canonical instance of {@code s}: the one {@link String#intern()} returns. */
  static String share(String s) {
    int hash = s.hashCode();
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String known = recent[slot];
    if (known == s || (known != null && known.hashCode() == hash && known.equals(s))) {
      return known;
    }
    String canonical = s.intern();
    recent[slot] = canonical;
    return canonical;
  }

  @SuppressWarnings("unchecked")
  private static Object compactValue(Object value) {
    if (value instanceof String s) {
      return s.length() <= MAX_SHARED_LENGTH ? share(s) : s;
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
