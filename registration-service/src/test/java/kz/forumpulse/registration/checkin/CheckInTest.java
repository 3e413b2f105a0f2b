package kz.forumpulse.registration.checkin;

import static kz.forumpulse.registration.TestApi.organiser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.registration.RegistrationIntegrationTest;
import kz.forumpulse.registration.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@RegistrationIntegrationTest
class CheckInTest {

  @Autowired MockMvc mvc;

  @Test
  void theTicketQrCheckInIsCountedOnceAndCanBeUndone() throws Exception {
    String forumId = TestApi.createForum(mvc, null);
    String body =
        TestApi.register(
            mvc, forumId, TestApi.registrationJson("Айгуль Сапарова", TestApi.newPhone(), null));
    String id = JsonPath.read(body, "$.id");
    String code = JsonPath.read(body, "$.accessCode");

    byte[] png =
        mvc.perform(get("/api/me/ticket.png").header("X-Participant-Code", code))
            .andExpect(status().isOk())
            .andExpect(content().contentType(MediaType.IMAGE_PNG))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String scanned = decodeQr(png);
    assertThat(scanned).startsWith("FP-TICKET:").doesNotContain(code).doesNotContain("Айгуль");
    String svg =
        mvc.perform(get("/api/me/ticket.svg").header("X-Participant-Code", code))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(svg).startsWith("<svg").contains("<path").doesNotContain("Айгуль");

    String ticket = "{\"ticket\":\"" + scanned + "\"}";
    mvc.perform(
            post("/api/forums/{f}/check-ins", forumId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(ticket))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/forums/{f}/check-ins", forumId)
                .with(organiser())
                .contentType(MediaType.APPLICATION_JSON)
                .content(ticket))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.registrationId").value(id))
        .andExpect(jsonPath("$.fullName").value("Айгуль Сапарова"))
        .andExpect(jsonPath("$.alreadyCheckedIn").value(false));
    // Typing the code at a second door: harmless, counted once.
    mvc.perform(
            post("/api/forums/{f}/check-ins", forumId)
                .with(organiser())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"accessCode\":\"" + code + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.alreadyCheckedIn").value(true));
    mvc.perform(get("/api/forums/{f}/registrations/summary", forumId).with(organiser()))
        .andExpect(jsonPath("$.checkedIn").value(1));

    mvc.perform(delete("/api/forums/{f}/check-ins/{id}", forumId, id).with(organiser()))
        .andExpect(status().isOk());
    mvc.perform(get("/api/forums/{f}/registrations/summary", forumId).with(organiser()))
        .andExpect(jsonPath("$.checkedIn").value(0));

    assertThat(TestApi.attendeeEvents(id, 3))
        .extracting(AttendeeEvent::type)
        .containsExactly(
            "ParticipantRegistered", "ParticipantCheckedIn", "ParticipantCheckInUndone");
  }

  @Test
  void waitlistedParticipantsHaveNoTicketAndCannotBeCheckedIn() throws Exception {
    String forumId = TestApi.createForum(mvc, "\"capacity\":1");
    TestApi.register(mvc, forumId);
    String code = JsonPath.read(TestApi.register(mvc, forumId), "$.accessCode");
    mvc.perform(get("/api/me/ticket.svg").header("X-Participant-Code", code))
        .andExpect(status().isConflict());
    mvc.perform(
            post("/api/forums/{f}/check-ins", forumId)
                .with(organiser())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"accessCode\":\"" + code + "\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("notAdmitted"));
  }

  private static String decodeQr(byte[] png) throws Exception {
    return TicketImagesTest.decode(png);
  }
}
