package kz.forumpulse.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What MongoDB does with an ordered bulk that meets an event applied already: it stops there. The
 * embedded emulator goes on instead (it ignores {@code ordered}), so this plain test plays MongoDB:
 * the writes after the one refused must be sent again, and only they.
 */
class OrderedBulkTest {

  private final List<List<String>> bulks = new ArrayList<>();
  private final List<BulkOperationException> failures = new ArrayList<>();
  private final List<String> landed = new ArrayList<>();

  private final MongoTemplate mongo = mock(MongoTemplate.class);

  private void serverStopsAt(BulkOperationException... refusals) {
    failures.addAll(List.of(refusals));
    when(mongo.bulkOps(eq(BulkOperations.BulkMode.ORDERED), anyString()))
        .thenAnswer(
            call -> {
              List<String> sent = new ArrayList<>();
              bulks.add(sent);
              return mock(
                  BulkOperations.class,
                  invocation -> {
                    switch (invocation.getMethod().getName()) {
                      case "upsert" -> {
                        Query q = invocation.getArgument(0);
                        sent.add(q.getQueryObject().get("_id").toString());
                        return invocation.getMock();
                      }
                      case "execute" -> {
                        if (!failures.isEmpty()) {
                          throw failures.remove(0);
                        }
                        return null;
                      }
                      default -> {
                        return invocation.getMock();
                      }
                    }
                  });
            });
  }

  private void write(List<String> ids) {
    OrderedBulk.write(
        mongo,
        "participants",
        ids,
        (bulk, id) ->
            bulk.upsert(Query.query(Criteria.where("_id").is(id)), new Update().set("seen", true)),
        landed::addAll);
  }

  private static BulkOperationException refused(int index, int code) {
    return new BulkOperationException(
        "refused",
        new MongoBulkWriteException(
            BulkWriteResult.unacknowledged(),
            List.of(new BulkWriteError(code, "refused", new BsonDocument(), index)),
            null,
            new ServerAddress(),
            Set.of()));
  }

  @Test
  void theWritesAfterOneAppliedAlreadyAreSentAgainAndOnlyThey() {
    List<String> ids = List.of("p0", "p1", "p2", "p3", "p4");
    // MongoDB stops at #1 (applied before), then, in the rest, at its #1 (#3 of the poll).
    serverStopsAt(refused(1, 11000), refused(1, 11000));

    write(ids);

    assertThat(bulks).containsExactly(ids, ids.subList(2, 5), ids.subList(4, 5));
    assertThat(landed).containsExactly("p0", "p2", "p4");
  }

  @Test
  void anyOtherRefusalIsNotTakenForAnAppliedWrite() {
    serverStopsAt(refused(2, 121));

    assertThatThrownBy(() -> write(List.of("p0", "p1", "p2", "p3")))
        .isInstanceOf(BulkOperationException.class);
    assertThat(bulks).hasSize(1);
    assertThat(landed).containsExactly("p0", "p1");
  }
}
