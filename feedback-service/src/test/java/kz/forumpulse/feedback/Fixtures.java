package kz.forumpulse.feedback;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import kz.forumpulse.events.DomainEvent;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ForumScheduled;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.ParticipantRegistered;
import kz.forumpulse.events.QuestionEvent;
import kz.forumpulse.events.Topics;
import kz.forumpulse.testsupport.EventProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A fresh forum with registered participants, built through the topics as in production; each test
 * gets its own forum id, so tests never see each other's data.
 */
public final class Fixtures {

  public final MockMvc mvc;
  public final String forumId = "fb-" + UUID.randomUUID();

  private Fixtures(MockMvc mvc) {
    this.mvc = mvc;
  }

  /** The event of a new forum with the districts the fixtures' participants come from. */
  public static ForumScheduled scheduled(String forumId) {
    return new ForumScheduled(
        UUID.randomUUID(),
        1,
        Instant.now(),
        ForumId.of(forumId),
        "Форум",
        "Форум",
        LocalDate.parse("2026-12-10"),
        LocalDate.parse("2026-12-10"),
        "ZKO",
        List.of("TEREKTI", "BURLIN"),
        300);
  }

  /** Schedules a new forum and waits until feedback-service knows it. */
  public static Fixtures newForum(MockMvc mvc) throws Exception {
    Fixtures f = new Fixtures(mvc);
    publish(Topics.FORUMS, scheduled(f.forumId));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/forums/{id}/projects", f.forumId))
                    .andExpect(status().isOk()));
    return f;
  }

  /** A registered participant, once feedback-service knows them. */
  public Participant register(String name, String district, String role) {
    Participant p = registerAsync(name, district, role);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/forums/{id}/my/questions", forumId)
                            .header("X-Participant-Code", p.code()))
                    .andExpect(status().isOk()));
    return p;
  }

  /** A participant whose attendee event is sent but perhaps not yet applied. */
  public Participant registerAsync(String name, String district, String role) {
    String code =
        "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 19).toUpperCase();
    String id = UUID.randomUUID().toString();
    publish(
        Topics.ATTENDEES,
        new ParticipantRegistered(
            UUID.randomUUID(),
            1,
            Instant.now(),
            ForumId.of(forumId),
            ParticipantId.of(id),
            sha256(code),
            name,
            role,
            district,
            "Федоровский с.о.",
            true,
            true,
            "ru",
            "REGISTERED"));
    return new Participant(id, code, name);
  }

  public Participant register(String name) {
    return register(name, "TEREKTI", "RURAL_AKIM");
  }

  public record Participant(String id, String code, String name) {}

  /** Submits a question (JSON body as given) and returns its id; expects 201. */
  public String ask(Participant who, String json) throws Exception {
    String body =
        mvc.perform(
                post("/api/forums/{id}/questions", forumId)
                    .header("X-Participant-Code", who.code())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return JsonPath.read(body, "$.id");
  }

  public String ask(Participant who, String project, String text) throws Exception {
    return ask(
        who, "{\"project\":\"" + project + "\",\"text\":\"" + text + "\",\"anonymous\":false}");
  }

  /** Question events of this forum on the topic, in topic order, once {@code until} holds. */
  public List<ConsumerRecord<String, byte[]>> questionRecords(
      Predicate<List<QuestionEvent>> until) {
    return records(Topics.QUESTIONS, until);
  }

  public List<QuestionEvent> questionEvents(Predicate<List<QuestionEvent>> until) {
    return questionRecords(until).stream()
        .map(r -> EventCodec.decode(r.value(), QuestionEvent.class))
        .toList();
  }

  private List<ConsumerRecord<String, byte[]>> records(
      String topic, Predicate<List<QuestionEvent>> until) {
    List<ConsumerRecord<String, byte[]>> all =
        EventProbe.readAll(
            topic, Duration.ofSeconds(30), records -> until.test(decodeMine(records)));
    return all.stream().filter(r -> forumId.equals(r.key())).toList();
  }

  private List<QuestionEvent> decodeMine(List<ConsumerRecord<String, byte[]>> records) {
    return records.stream()
        .filter(r -> forumId.equals(r.key()))
        .map(r -> EventCodec.decode(r.value(), QuestionEvent.class))
        .toList();
  }

  public static void publish(String topic, DomainEvent event) {
    EventProbe.send(
        topic,
        Topics.keyOf(event),
        EventCodec.encode(event),
        Map.of(Topics.TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A registration as registration-service publishes it, of an akim from Terekti who holds {@code
   * code}, for tests that apply attendee events directly.
   */
  public static ParticipantRegistered registered(
      String forumId, String participantId, String code, Instant at) {
    return new ParticipantRegistered(
        UUID.randomUUID(),
        ParticipantRegistered.VERSION,
        at,
        ForumId.of(forumId),
        ParticipantId.of(participantId),
        sha256(code),
        "Айгуль Серикова",
        "RURAL_AKIM",
        "TEREKTI",
        "Федоровский с.о.",
        true,
        false,
        "kk",
        "REGISTERED");
  }

  public static String sha256(String code) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
