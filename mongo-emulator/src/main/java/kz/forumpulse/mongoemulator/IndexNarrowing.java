package kz.forumpulse.mongoemulator;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

  /**
   * Positions of the documents a filter {@code {_id: {$in: [ids]}}} with only string ids selects,
   * looked up one id at a time in the {@code _id} index, in the order mongo-java-server reads them
   * (the ids sorted by its value order); null for any other filter. The stock server finds the same
   * positions in the index, then matches every one of them against the whole filter again,
   * comparing its id with each id of the list after normalising both: n × n comparisons for n ids
   * (a fifth of the server's time in a rebuild, which reads its batch's questions and cells this
   * way). A document found under an id is one the filter selects, so the caller matches the
   * candidates against an empty filter.
   */
  static <P> Iterable<P> idsIn(Document query, List<Index<P>> indexes) {
    if (query.size() != 1
        || !(query.get("_id") instanceof Document condition)
        || condition.size() != 1
        || !(condition.get("$in") instanceof Collection<?> ids)
        || !ids.stream().allMatch(String.class::isInstance)) {
      return null;
    }
    for (Index<P> index : indexes) {
      if (index.canHandle(query)) {
        // the index the stock server would read from: use it only if it is the _id index
        if (!index.isUnique() || !List.of("_id").equals(keyNames(index))) {
          return null;
        }
        Set<Object> sorted = new TreeSet<>(ValueComparator.asc());
        sorted.addAll(ids);
        List<P> positions = new ArrayList<>(sorted.size());
        for (Object id : sorted) {
          index.getPositions(new Document("_id", id)).forEach(positions::add);
        }
        return positions;
      }
    }
    return null;
  }

  private static List<String> keyNames(Index<?> index) {
    return index.getKeys().stream().map(IndexKey::getKey).toList();
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
