package kz.forumpulse.mongoemulator;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The query planning mongo-java-server 1.47 lacks: it reads from an index only when a filter names
 * exactly that index's keys, and scans the whole collection — under the collection's lock — for
 * anything more, such as a compare-and-set {@code {_id: x, revision: 7}} or {@code {_id: x, $and:
 * [...]}}. MongoDB uses the {@code _id} index for both. Here, when the filter pins every key of a
 * unique index by plain equality (at top level or inside a top-level {@code $and}), the candidates
 * are read from that index and the <em>whole</em> filter is then matched against them as before, so
 * results are exactly the same, only without the scan.
 */
final class IndexNarrowing {

  private IndexNarrowing() {}

  /**
   * Positions of the only documents that can match {@code query}; null when the query is one
   * mongo-java-server already serves from an index, or one no unique index can narrow (a scan).
   */
  static <P> Iterable<P> candidates(Document query, List<Index<P>> indexes) {
    for (Index<P> index : indexes) {
      if (index.canHandle(query)) {
        return null;
      }
    }
    Map<String, Object> pinned = new LinkedHashMap<>();
    collectEqualities(query, pinned);
    if (pinned.isEmpty()) {
      return null;
    }
    for (Index<P> index : indexes) {
      Document lookup = lookup(index, pinned);
      if (lookup != null) {
        return index.getPositions(lookup);
      }
    }
    return null;
  }

  /** The filter on exactly the index's keys, if the query pins them all and the index serves it. */
  static <P> Document lookup(Index<P> index, Map<String, Object> pinned) {
    if (!index.isUnique()) {
      return null;
    }
    Document lookup = new Document();
    for (IndexKey key : index.getKeys()) {
      Object value = pinned.get(key.getKey());
      if (value == null) {
        return null;
      }
      lookup.put(key.getKey(), value);
    }
    return index.canHandle(lookup) ? lookup : null;
  }

  /** Field = value conditions a matching document must satisfy. */
  static void collectEqualities(Document query, Map<String, Object> pinned) {
    for (Map.Entry<String, Object> term : query.entrySet()) {
      String field = term.getKey();
      Object value = term.getValue();
      if ("$and".equals(field) && value instanceof Collection<?> parts) {
        for (Object part : parts) {
          if (part instanceof Document condition) {
            collectEqualities(condition, pinned);
          }
        }
      } else if (!field.startsWith("$") && isPlain(value)) {
        // Two different values for one field match nothing; narrowing by either stays correct.
        pinned.putIfAbsent(field, value);
      }
    }
  }

  /**
   * A value that the filter compares by plain equality. Documents (operators or embedded-document
   * equality), arrays, null (which also matches a missing field) and patterns are left to the scan.
   */
  private static boolean isPlain(Object value) {
    return value != null
        && !(value instanceof Document)
        && !(value instanceof Map)
        && !(value instanceof Collection)
        && !(value instanceof Pattern)
        && !value.getClass().isArray()
        && !BsonRegularExpression.isRegularExpression(value)
        && !(value instanceof BsonRegularExpression);
  }
}
