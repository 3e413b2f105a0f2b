package kz.forumpulse.registration.participant;

import static kz.forumpulse.registration.TestApi.organiser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.events.ParticipantCancelled;
import kz.forumpulse.events.ParticipantPromoted;
import kz.forumpulse.events.ParticipantWaitlisted;
import kz.forumpulse.registration.RegistrationIntegrationTest;
import kz.forumpulse.registration.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@RegistrationIntegrationTest
class CapacityAndWaitlistTest {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  @Test
  void parallelRegistrationsNeverOverbookAndTheLineIsPromotedInOrder() throws Exception {
    String forumId = TestApi.createForum(mvc, "\"capacity\":3");
    int people = 10;
    ExecutorService pool = Executors.newFixedThreadPool(people);
    List<Callable<String>> calls = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      calls.add(() -> TestApi.register(mvc, forumId));
    }
    List<String> answers = new ArrayList<>();
    try {
      for (Future<String> answer : pool.invokeAll(calls)) {
        answers.add(answer.get());
      }
    } finally {
      pool.shutdown();
    }
    assertThat(answers.stream().filter(a -> a.contains("\"REGISTERED\""))).hasSize(3);
    assertThat(answers.stream().filter(a -> a.contains("\"WAITLISTED\""))).hasSize(7);
    mvc.perform(get("/api/forums/{id}/registrations/summary", forumId).with(organiser()))
        .andExpect(jsonPath("$.byStatus.REGISTERED").value(3))
        .andExpect(jsonPath("$.byStatus.WAITLISTED").value(7))
        .andExpect(jsonPath("$.freeSeats").value(0));

    List<Registration> line = waitlisted(forumId);
    assertThat(line).extracting(Registration::waitlistTicket).doesNotHaveDuplicates();
    List<Integer> positions = new ArrayList<>();
    for (Registration r : line) {
      positions.add(
          JsonPath.read(
              mvc.perform(
                      get("/api/forums/{f}/registrations/{id}", forumId, r.id()).with(organiser()))
                  .andReturn()
                  .getResponse()
                  .getContentAsString(StandardCharsets.UTF_8),
              "$.waitlistPosition"));
    }
    assertThat(positions).containsExactly(1, 2, 3, 4, 5, 6, 7);

    // A seated participant cancels with their code: the first in line gets the seat.
    String seatedCode =
        JsonPath.read(
            answers.stream().filter(a -> a.contains("\"REGISTERED\"")).findFirst().orElseThrow(),
            "$.accessCode");
    mvc.perform(delete("/api/me").header("X-Participant-Code", seatedCode))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CANCELLED"));
    // Cancelling again is harmless.
    mvc.perform(delete("/api/me").header("X-Participant-Code", seatedCode))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CANCELLED"));

    Registration first = line.get(0);
    assertThat(mongo.findById(first.id(), Registration.class).status()).isEqualTo("REGISTERED");
    assertThat(waitlisted(forumId)).hasSize(6);
    List<AttendeeEvent> events = TestApi.attendeeEvents(first.id(), 3);
    assertThat(events)
        .hasExactlyElementsOfTypes(
            kz.forumpulse.events.ParticipantRegistered.class,
            ParticipantWaitlisted.class,
            ParticipantPromoted.class);
    String cancelledId =
        JsonPath.read(
            answers.stream().filter(a -> a.contains(seatedCode)).findFirst().orElseThrow(), "$.id");
    assertThat(TestApi.attendeeEvents(cancelledId, 2))
        .filteredOn(e -> e instanceof ParticipantCancelled)
        .hasSize(1);
  }

  @Test
  void aRefusedDuplicateGivesItsSeatBack() throws Exception {
    // No look-up before the insert: the duplicate takes a seat, the unique index refuses it, and
    // the seat goes back before the answer.
    String forumId = TestApi.createForum(mvc, "\"capacity\":2");
    String phone = TestApi.newPhone();
    TestApi.register(mvc, forumId, TestApi.registrationJson("Айгуль Сапарова", phone, null));
    mvc.perform(
            post("/api/forums/{id}/registrations", forumId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(TestApi.registrationJson("Айгуль Сапарова", phone, null)))
        .andExpect(status().isConflict());
    mvc.perform(get("/api/forums/{id}/registrations/summary", forumId).with(organiser()))
        .andExpect(jsonPath("$.byStatus.REGISTERED").value(1))
        .andExpect(jsonPath("$.freeSeats").value(1));

    assertThat(TestApi.register(mvc, forumId)).contains("\"REGISTERED\"");
    assertThat(TestApi.register(mvc, forumId)).contains("\"WAITLISTED\"");
  }

  @Test
  void aFullSessionWaitlistsAndItsCancellationPromotes() throws Exception {
    String forumId =
        TestApi.createForum(
            mvc,
            """
            "capacity":100,"sessions":[
              {"code":"PLENARY","titleRu":"Пленарное заседание","titleKk":"Пленарлық отырыс"},
              {"code":"SEMINAR","titleRu":"Семинар-тренинг","titleKk":"Семинар-тренинг","capacity":1}]
            """);
    String first =
        TestApi.register(
            mvc,
            forumId,
            TestApi.registrationJson("Первый", TestApi.newPhone(), "\"sessions\":[\"SEMINAR\"]"));
    String second =
        TestApi.register(
            mvc,
            forumId,
            TestApi.registrationJson(
                "Второй", TestApi.newPhone(), "\"sessions\":[\"SEMINAR\",\"PLENARY\"]"));
    assertThat((String) JsonPath.read(first, "$.status")).isEqualTo("REGISTERED");
    assertThat((String) JsonPath.read(second, "$.status")).isEqualTo("WAITLISTED");
    assertThat((Integer) JsonPath.read(second, "$.waitlistPosition")).isEqualTo(1);

    // Moving to a free session is fine; choosing the full one again is refused.
    String firstCode = JsonPath.read(first, "$.accessCode");
    mvc.perform(
            patch("/api/me")
                .header("X-Participant-Code", firstCode)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"sessions\":[\"PLENARY\"],\"organisation\":\"Аппарат акима\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.sessions[0]").value("PLENARY"))
        .andExpect(jsonPath("$.organisation").value("Аппарат акима"));
    // Dropping SEMINAR freed its seat: the waiting participant got it.
    String secondId = JsonPath.read(second, "$.id");
    assertThat(mongo.findById(secondId, Registration.class).status()).isEqualTo("REGISTERED");
    mvc.perform(
            patch("/api/me")
                .header("X-Participant-Code", firstCode)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"sessions\":[\"SEMINAR\"]}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("sessionFull"));
  }

  @Test
  void approvalKeepsRegistrationsPendingUntilAnOrganiserDecides() throws Exception {
    String forumId = TestApi.createForum(mvc, "\"capacity\":1,\"requiresApproval\":true");
    String a = JsonPath.read(TestApi.register(mvc, forumId), "$.id");
    String bBody = TestApi.register(mvc, forumId);
    String b = JsonPath.read(bBody, "$.id");
    String c = JsonPath.read(TestApi.register(mvc, forumId), "$.id");
    assertThat((String) JsonPath.read(bBody, "$.status")).isEqualTo("PENDING");

    mvc.perform(post("/api/forums/{f}/registrations/{id}/approve", forumId, a).with(organiser()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("REGISTERED"));
    // Full by now: approved into the waiting line.
    mvc.perform(post("/api/forums/{f}/registrations/{id}/approve", forumId, b).with(organiser()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("WAITLISTED"))
        .andExpect(jsonPath("$.waitlistPosition").value(1));
    mvc.perform(post("/api/forums/{f}/registrations/{id}/decline", forumId, c).with(organiser()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DECLINED"));
    mvc.perform(post("/api/forums/{f}/registrations/{id}/approve", forumId, c).with(organiser()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("notAllowedInStatus"));
    // Participants cannot approve themselves.
    mvc.perform(post("/api/forums/{f}/registrations/{id}/approve", forumId, c))
        .andExpect(status().isUnauthorized());

    assertThat(TestApi.attendeeEvents(c, 2).get(1).type()).isEqualTo("ParticipantDeclined");
    assertThat(TestApi.attendeeEvents(b, 3))
        .extracting(AttendeeEvent::type)
        .containsExactly("ParticipantRegistered", "ParticipantApproved", "ParticipantWaitlisted");
  }

  @Test
  void registrationOutsideTheWindowIsRefusedAndChangesNothing() throws Exception {
    String closed =
        TestApi.createForum(
            mvc,
            "\"capacity\":10,\"registrationOpensAt\":\"2020-01-01T00:00:00Z\","
                + "\"registrationClosesAt\":\"2020-02-01T00:00:00Z\"");
    String notYet =
        TestApi.createForum(
            mvc,
            "\"capacity\":10,\"registrationOpensAt\":\""
                + Instant.now().plusSeconds(86_400)
                + "\"");
    for (String[] forum :
        new String[][] {{closed, "registrationClosed"}, {notYet, "registrationNotOpen"}}) {
      mvc.perform(
              post("/api/forums/{id}/registrations", forum[0])
                  .header("Accept-Language", "ru")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(TestApi.registrationJson("Поздний", TestApi.newPhone(), null)))
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.code").value(forum[1]));
      assertThat(
              mongo.count(Query.query(Criteria.where("forumId").is(forum[0])), Registration.class))
          .isZero();
    }
  }

  @Test
  void aSeatLeakedByACrashIsRepairedByARecount() throws Exception {
    String forumId = TestApi.createForum(mvc, "\"capacity\":2");
    TestApi.register(mvc, forumId);
    // A process took a seat and died before storing its registration.
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(forumId)),
        new org.springframework.data.mongodb.core.query.Update().inc("free", -1),
        "forum_seats");
    String waiting = TestApi.register(mvc, forumId);
    assertThat((String) JsonPath.read(waiting, "$.status")).isEqualTo("WAITLISTED");

    mvc.perform(post("/api/forums/{f}/seats/recount", forumId).with(organiser()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.seatsHeld").value(1))
        .andExpect(jsonPath("$.promoted").value(1))
        .andExpect(jsonPath("$.freeSeats").value(0));
    assertThat(mongo.findById((String) JsonPath.read(waiting, "$.id"), Registration.class).status())
        .isEqualTo("REGISTERED");
  }

  private List<Registration> waitlisted(String forumId) {
    return mongo
        .find(
            Query.query(Criteria.where("forumId").is(forumId).and("status").is("WAITLISTED")),
            Registration.class)
        .stream()
        .sorted(Comparator.comparing(Registration::waitlistTicket))
        .toList();
  }
}
