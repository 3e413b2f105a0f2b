package kz.forumpulse.feedback.participant;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantCancelled;
import kz.forumpulse.events.ParticipantErased;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.ParticipantRegistered;
import kz.forumpulse.feedback.Fixtures;
import kz.forumpulse.mongoemulator.NarrowingMemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Attendee events as the consumer applies them: in order, each once however often it is delivered
 * (a redelivery after a crash before the offset was committed), on the database the local stack and
 * the benchmark use.
 */
class AttendeeEventsTest {

  private static final Instant AT = Instant.parse("2026-06-01T09:00:00Z");
  private static final String FORUM = "forum-batch";

  private MongoServer server;
  private MongoClient client;
  private MongoTemplate mongo;
  private ParticipantDirectory directory;
  private final List<Object> localEvents = new ArrayList<>();

  @BeforeEach
  void start() {
    server = new MongoServer(new NarrowingMemoryBackend());
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    mongo = new MongoTemplate(client, "attendee_batch");
    directory =
        new ParticipantDirectory(
            mongo, Duration.ofMillis(100), Duration.ofSeconds(1), localEvents::add);
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  private static ParticipantRegistered registered(String participantId, String code) {
    return Fixtures.registered(FORUM, participantId, code, AT);
  }

  private static ParticipantCancelled cancelled(String participantId) {
    return new ParticipantCancelled(
        UUID.randomUUID(),
        ParticipantCancelled.VERSION,
        AT,
        ForumId.of(FORUM),
        ParticipantId.of(participantId),
        "CANCELLED",
        "REGISTERED");
  }

  private static ParticipantErased erased(String participantId) {
    return new ParticipantErased(
        UUID.randomUUID(),
        ParticipantErased.VERSION,
        AT,
        ForumId.of(FORUM),
        ParticipantId.of(participantId),
        "CANCELLED");
  }

  private List<String> applied(String participantId) {
    Document stored = mongo.findById(participantId, Document.class, "participants");
    return stored == null ? List.of() : stored.getList("appliedEvents", String.class);
  }

  @Test
  void eachEventIsAppliedOnceHoweverOftenItArrives() {
    appliedOnceHoweverOftenItArrives(events -> events.forEach(directory::apply));
  }

  @Test
  void aPollAppliedAsOneBatchIsAppliedOnceHoweverOftenItArrives() {
    appliedOnceHoweverOftenItArrives(directory::apply);
  }

  private void appliedOnceHoweverOftenItArrives(Consumer<List<AttendeeEvent>> deliver) {
    ParticipantRegistered aigul = registered("p-aigul", "CODE-A");
    ParticipantRegistered marat = registered("p-marat", "CODE-M");
    ParticipantCancelled aigulCancels = cancelled("p-aigul");
    ParticipantRegistered dana = registered("p-dana", "CODE-D");
    // Aigul's registration delivered twice, then her cancellation, then someone else.
    List<AttendeeEvent> delivered = List.of(aigul, marat, aigul, aigulCancels, dana);

    deliver.accept(delivered);

    assertThat(directory.byAccessCode(FORUM, "CODE-A"))
        .hasValueSatisfying(p -> assertThat(p.mayAsk()).isFalse());
    assertThat(directory.byAccessCode(FORUM, "CODE-M"))
        .hasValueSatisfying(p -> assertThat(p.mayAsk()).isTrue());
    assertThat(directory.byAccessCode(FORUM, "CODE-D"))
        .hasValueSatisfying(p -> assertThat(p.mayAsk()).isTrue());
    assertThat(applied("p-aigul"))
        .containsExactly(aigul.eventId().toString(), aigulCancels.eventId().toString());
    assertThat(applied("p-marat")).containsExactly(marat.eventId().toString());

    // All of it again: nothing changes, and the registration delivered again does not undo the
    // cancellation.
    deliver.accept(delivered);

    assertThat(applied("p-aigul"))
        .containsExactly(aigul.eventId().toString(), aigulCancels.eventId().toString());
    assertThat(applied("p-marat")).containsExactly(marat.eventId().toString());
    assertThat(applied("p-dana")).containsExactly(dana.eventId().toString());
    assertThat(mongo.findById("p-aigul", Document.class, "participants").getString("status"))
        .isEqualTo("CANCELLED");
    assertThat(mongo.getCollection("participants").countDocuments()).isEqualTo(3);
  }

  @Test
  void anErasureDeliveredAgainRemovesTheNameFromTheQuestionsAgain() {
    directory.apply(registered("p-erased", "CODE-E"));
    ParticipantErased erased = erased("p-erased");

    directory.apply(erased);
    // Delivered again, as after a failure of the questions' update that followed the first time:
    // the participant's document does not change, but the questions are asked to forget again.
    directory.apply(erased);

    ParticipantForgotten forgotten = new ParticipantForgotten(FORUM, "p-erased");
    assertThat(localEvents).containsExactly(forgotten, forgotten);
    Document stored = mongo.findById("p-erased", Document.class, "participants");
    assertThat(stored.getString("status")).isEqualTo(ParticipantDirectory.ERASED);
    assertThat(stored).doesNotContainKeys("fullName", "accessCodeHash");
    assertThat(applied("p-erased")).hasSize(2);
  }

  @Test
  void anErasureInABatchIsWrittenBeforeTheQuestionsAreAskedToForget() {
    ParticipantRegistered registered = registered("p-batch", "CODE-B");
    ParticipantErased erased = erased("p-batch");
    List<Object> storedWhenForgotten = new ArrayList<>();
    ParticipantDirectory listening =
        new ParticipantDirectory(
            mongo,
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            event ->
                storedWhenForgotten.add(
                    mongo.findById("p-batch", Document.class, "participants").get("status")));

    listening.apply(List.of(registered, erased));

    assertThat(storedWhenForgotten).containsExactly(ParticipantDirectory.ERASED);
    assertThat(listening.byAccessCode(FORUM, "CODE-B")).isEmpty();
    assertThat(applied("p-batch"))
        .containsExactly(registered.eventId().toString(), erased.eventId().toString());
  }
}
