package kz.forumpulse.registration;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.Topics;
import kz.forumpulse.testsupport.EventProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Shortcuts the integration tests share: a fresh forum per test, registrations, event reads. */
public final class TestApi {

  private static final AtomicInteger PHONES =
      new AtomicInteger(1_000_000 + (int) (Math.random() * 8_000_000));

  private TestApi() {}

  public static RequestPostProcessor organiser() {
    return httpBasic("organiser", "test-organiser");
  }

  /** A new forum; {@code extraJson} is spliced into the body (e.g. {@code "capacity":2,...}). */
  public static String createForum(MockMvc mvc, String extraJson) throws Exception {
    String base =
        """
        "titleRu":"Форум сельских акимов","titleKk":"Ауыл әкімдерінің форумы",
        "startsOn":"2026-12-10","venue":"Уральск","regionCode":"ZKO"
        """;
    String extra = extraJson == null || extraJson.isBlank() ? "\"capacity\":300" : extraJson;
    String body =
        mvc.perform(
                post("/api/forums")
                    .with(organiser())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{" + base + "," + extra + "}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return JsonPath.read(body, "$.id");
  }

  /** A unique, valid Kazakhstan mobile number. */
  public static String newPhone() {
    return "+7701" + String.format("%07d", PHONES.incrementAndGet() % 10_000_000);
  }

  public static String registrationJson(String fullName, String phone, String extraJson) {
    return """
        {"fullName":"%s","role":"RURAL_AKIM","district":"TEREKTI",
         "ruralDistrict":"Федоровский сельский округ","elected":true,"partyMember":true,
         "phone":"%s","consent":true,"language":"kk"%s}
        """
        .formatted(fullName, phone, extraJson == null ? "" : "," + extraJson);
  }

  /** Registers and returns the 201 body. */
  public static String register(MockMvc mvc, String forumId, String json) throws Exception {
    return mvc.perform(
            post("/api/forums/{id}/registrations", forumId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().isCreated())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  public static String register(MockMvc mvc, String forumId) throws Exception {
    return register(
        mvc, forumId, registrationJson("Участник " + UUID.randomUUID(), newPhone(), null));
  }

  /** Attendee events about one participant, in topic order, once {@code count} are there. */
  public static List<AttendeeEvent> attendeeEvents(String participantId, int count) {
    List<ConsumerRecord<String, byte[]>> records =
        EventProbe.readAll(
            Topics.ATTENDEES,
            Duration.ofSeconds(30),
            all -> about(all, participantId).size() >= count);
    List<AttendeeEvent> events =
        about(records, participantId).stream()
            .map(r -> EventCodec.decode(r.value(), AttendeeEvent.class))
            .toList();
    if (events.size() < count) {
      throw new AssertionError(
          "expected " + count + " events about " + participantId + ", got " + events);
    }
    return events;
  }

  public static List<ConsumerRecord<String, byte[]>> about(
      List<ConsumerRecord<String, byte[]>> records, String participantId) {
    return records.stream()
        .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(participantId))
        .toList();
  }

  /** Waits until nothing is pending in any outbox, so a fault test starts from a clean state. */
  public static void awaitOutboxesDrained(
      org.springframework.data.mongodb.core.MongoTemplate mongo) {
    org.springframework.data.mongodb.core.query.Query pending =
        org.springframework.data.mongodb.core.query.Query.query(
            org.springframework.data.mongodb.core.query.Criteria.where("outbox.eventId")
                .exists(true));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                mongo.count(pending, "forums") == 0 && mongo.count(pending, "registrations") == 0);
  }
}
