package kz.forumpulse.feedback.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import kz.forumpulse.events.CatalogueEvent;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.ProjectCatalogueChanged;
import kz.forumpulse.events.Topics;
import kz.forumpulse.feedback.FeedbackIntegrationTest;
import kz.forumpulse.feedback.Fixtures;
import kz.forumpulse.testsupport.EventProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@FeedbackIntegrationTest
class ProjectCatalogueTest {

  @Autowired MockMvc mvc;

  @Test
  void organisersAddRenameAndRetireProjectsAndEveryChangeIsAnEvent() throws Exception {
    Fixtures forum = Fixtures.newForum(mvc);
    var organiser = httpBasic("organiser", "test-organiser");

    mvc.perform(
            post("/api/forums/{id}/projects", forum.forumId)
                .with(organiser)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"code\":\"INTERNET\",\"nameRu\":\"Интернет в сёлах\",\"nameKk\":\"Ауылдағы интернет\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.active").value(true));
    mvc.perform(
            post("/api/forums/{id}/projects", forum.forumId)
                .with(organiser)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"INTERNET\",\"nameRu\":\"x\",\"nameKk\":\"x\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.errors[0].field").value("code"));
    mvc.perform(
            put("/api/forums/{id}/projects/{code}", forum.forumId, "INTERNET")
                .with(organiser)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameRu\":\"Связь и интернет\",\"nameKk\":\"Байланыс және интернет\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.nameRu").value("Связь и интернет"));
    mvc.perform(delete("/api/forums/{id}/projects/{code}", forum.forumId, "OTHER").with(organiser))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(false));
    // Retiring again is harmless.
    mvc.perform(delete("/api/forums/{id}/projects/{code}", forum.forumId, "OTHER").with(organiser))
        .andExpect(status().isOk());

    mvc.perform(get("/api/forums/{id}/projects", forum.forumId))
        .andExpect(jsonPath("$.length()").value(5))
        .andExpect(jsonPath("$[4].code").value("INTERNET"));
    Fixtures.Participant p = forum.register("Айгуль Сапарова");
    mvc.perform(
            post("/api/forums/{id}/questions", forum.forumId)
                .header("X-Participant-Code", p.code())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"project\":\"OTHER\",\"text\":\"Вопрос\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("project"));
    forum.ask(p, "INTERNET", "Когда проведут интернет?");

    List<ProjectCatalogueChanged> events =
        EventProbe.readAll(
                Topics.CATALOGUE,
                Duration.ofSeconds(30),
                all -> all.stream().filter(r -> forum.forumId.equals(r.key())).count() >= 4)
            .stream()
            .filter(r -> forum.forumId.equals(r.key()))
            .map(r -> (ProjectCatalogueChanged) EventCodec.decode(r.value(), CatalogueEvent.class))
            .toList();
    assertThat(events)
        .extracting(ProjectCatalogueChanged::change)
        .containsExactly("INITIALISED", "ADDED", "RENAMED", "RETIRED");
    assertThat(events)
        .extracting(ProjectCatalogueChanged::catalogueVersion)
        .containsExactly(1L, 2L, 3L, 4L);
    ProjectCatalogueChanged last = events.get(3);
    assertThat(last.changedBy()).isEqualTo("organiser");
    assertThat(last.projects()).hasSize(6);
    assertThat(last.projects())
        .filteredOn(x -> x.code().equals("OTHER"))
        .singleElement()
        .satisfies(x -> assertThat(x.active()).isFalse());
  }

  @Test
  void onlyOrganisersEditTheCatalogue() throws Exception {
    Fixtures forum = Fixtures.newForum(mvc);
    mvc.perform(
            post("/api/forums/{id}/projects", forum.forumId)
                .with(httpBasic("moderator", "test-moderator"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"X1\",\"nameRu\":\"x\",\"nameKk\":\"x\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(delete("/api/forums/{id}/projects/{code}", forum.forumId, "OTHER"))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            put("/api/forums/{id}/projects/{code}", forum.forumId, "NOPE")
                .with(httpBasic("organiser", "test-organiser"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameRu\":\"x\",\"nameKk\":\"x\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("projectNotFound"));
  }
}
