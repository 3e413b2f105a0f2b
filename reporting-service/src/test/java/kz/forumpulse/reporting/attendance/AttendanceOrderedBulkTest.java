package kz.forumpulse.reporting.attendance;

import static kz.forumpulse.reporting.TestEvents.registered;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.reporting.store.Generation;
import kz.forumpulse.reporting.store.ReportDays;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What MongoDB does with an ordered bulk that meets an event applied already: it stops there. The
 * embedded emulator goes on instead (it ignores {@code ordered}), so this plain test plays MongoDB:
 * the events after the one refused must be sent again, and only they.
 */
class AttendanceOrderedBulkTest {

  private final List<List<String>> bulks = new ArrayList<>();
  private final List<BulkOperationException> failures = new ArrayList<>();

  private final MongoTemplate mongo = mock(MongoTemplate.class);
  private final AttendanceProjection projection =
      new AttendanceProjection(
          mongo, mock(ApplicationEventPublisher.class), new ReportDays(ZoneId.of("Asia/Almaty")));

  private void serverStopsAt(int... firstErrorIndexPerBulk) {
    for (int index : firstErrorIndexPerBulk) {
      failures.add(refused(index, 11000));
    }
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
  void theEventsAfterOneAppliedAlreadyAreSentAgainAndOnlyThey() {
    List<AttendeeEvent> poll = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      poll.add(registered("f", "GUEST", "BURLIN"));
    }
    List<String> ids = poll.stream().map(e -> e.participantId().value()).toList();
    // MongoDB stops at #1 (applied before), then, in the rest, at its #1 (#3 of the poll).
    serverStopsAt(1, 1);

    projection.apply(poll, new Generation("g1"));

    assertThat(bulks).containsExactly(ids, ids.subList(2, 5), ids.subList(4, 5));
  }

  @Test
  void anyOtherRefusalIsNotTakenForAnAppliedEvent() {
    failures.add(refused(0, 121));
    when(mongo.bulkOps(eq(BulkOperations.BulkMode.ORDERED), anyString()))
        .thenAnswer(
            call ->
                mock(
                    BulkOperations.class,
                    invocation -> {
                      if (invocation.getMethod().getName().equals("execute")) {
                        throw failures.remove(0);
                      }
                      return invocation.getMock();
                    }));

    assertThatThrownBy(
            () ->
                projection.apply(List.of(registered("f", "GUEST", "BURLIN")), new Generation("g1")))
        .isInstanceOf(BulkOperationException.class);
  }
}
