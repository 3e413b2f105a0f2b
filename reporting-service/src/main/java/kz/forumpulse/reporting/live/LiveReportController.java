package kz.forumpulse.reporting.live;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class LiveReportController {

  private final LiveReports live;

  LiveReportController(LiveReports live) {
    this.live = live;
  }

  /** Server-Sent Events: {@code attendance} or {@code faq} whenever that report changes. */
  @GetMapping(
      path = "/api/forums/{forumId}/reports/live",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter live(@PathVariable String forumId) {
    return live.subscribe(forumId);
  }
}
