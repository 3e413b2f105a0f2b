package kz.forumpulse.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/** Requests are measured as a whole; Spring Security's filters run without an observation each. */
@RegistrationIntegrationTest
class ObservabilityTest {

  @Autowired MockMvc mvc;
  @Autowired FilterChainProxy securityFilters;
  @Autowired MeterRegistry meters;

  @Test
  void requestsAreTimedButSecurityFiltersAreNotWrappedInObservations() throws Exception {
    mvc.perform(get("/api/forums/unknown-forum/registrations"))
        .andExpect(status().isUnauthorized());

    assertThat(ReflectionTestUtils.getField(securityFilters, "filterChainDecorator"))
        .isNotNull()
        .isNotInstanceOf(ObservationFilterChainDecorator.class);
    assertThat(meters.find("http.server.requests").tag("status", "401").timers()).isNotEmpty();
    assertThat(meters.getMeters())
        .noneMatch(meter -> meter.getId().getName().startsWith("spring.security"));
  }
}
