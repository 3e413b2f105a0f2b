package kz.forumpulse.support.mongo;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A consumer's writes for one poll of events, in order, as one ordered bulk request: one round trip
 * instead of one per event, and one participant's events keep their order.
 *
 * <p>Each write applies its event at most once: its filter excludes documents that list the event
 * id, so an upsert of an event applied already misses and its insert collides with the existing
 * document (duplicate key). MongoDB stops an ordered bulk at its first error, so the writes after
 * that one are sent again, and only they. (The embedded emulator goes on after an error instead;
 * sending the rest again then changes nothing.)
 */
public final class OrderedBulk {

  /** The server's error code for a duplicate key. */
  public static final int DUPLICATE_KEY = 11000;

  private OrderedBulk() {}

  /**
   * Adds each item's write with {@code add} and sends them; {@code landed} is told, in order, which
   * items were applied by this call (not those found applied before). Any error other than a
   * duplicate key is thrown, after {@code landed} heard of the items before it.
   */
  public static <T> void write(
      MongoTemplate mongo,
      String collection,
      List<T> items,
      BiConsumer<BulkOperations, T> add,
      Consumer<List<T>> landed) {
    int from = 0;
    while (from < items.size()) {
      BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection);
      List<T> rest = items.subList(from, items.size());
      rest.forEach(item -> add.accept(bulk, item));
      try {
        bulk.execute();
        landed.accept(rest);
        return;
      } catch (BulkOperationException stopped) {
        var error = stopped.getErrors().get(0);
        landed.accept(rest.subList(0, error.getIndex()));
        if (error.getCode() != DUPLICATE_KEY) {
          throw stopped;
        }
        // The ones before it were applied; it was applied before; go on after it.
        from += error.getIndex() + 1;
      }
    }
  }
}
