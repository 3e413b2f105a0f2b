package kz.forumpulse.registration;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@RegistrationIntegrationTest
class OpenApiTest {

  @Autowired MockMvc mvc;

  @Test
  void theApiDescriptionAndSwaggerUiAreServedWithoutLogin() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/forums/{forumId}/registrations'].post").exists())
        .andExpect(jsonPath("$.paths['/api/me'].get").exists())
        .andExpect(jsonPath("$.paths['/api/forums/{forumId}/check-ins'].post").exists())
        .andExpect(
            jsonPath("$.components.schemas.RegisterRequest.properties.district.example")
                .value("TEREKTI"));
    mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
  }
}
