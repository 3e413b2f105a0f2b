package kz.forumpulse.reporting.live;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import kz.forumpulse.reporting.store.ReportStore;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes a Server-Sent Event to every open report page of a forum when one of its aggregates
 * changes. The event says which report changed; the page fetches it again. Sending only the signal
 * keeps the stream tiny on poor rural connections and the reports the single source.
 */
@Service
public class LiveReports {

  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private final Map<String, List<SseEmitter>> subscribers = new ConcurrentHashMap<>();
  private final ReportStore store;

  LiveReports(ReportStore store) {
    this.store = store;
  }

  SseEmitter subscribe(String forumId) {
    SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
    List<SseEmitter> forum =
        subscribers.computeIfAbsent(forumId, id -> new CopyOnWriteArrayList<>());
    forum.add(emitter);
    Runnable remove = () -> forum.remove(emitter);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    send(emitter, "ready", Map.of("forumId", forumId, "at", Instant.now().toString()));
    return emitter;
  }

  @EventListener
  void on(AggregateChanged change) {
    List<SseEmitter> forum = subscribers.get(change.forumId());
    // A rebuild filling a new generation changes nothing readers see yet.
    if (forum == null || !store.isActive(change.generation())) {
      return;
    }
    Map<String, String> data =
        Map.of(
            "forumId", change.forumId(), "report", change.report(), "at", Instant.now().toString());
    forum.forEach(emitter -> send(emitter, change.report(), data));
  }

  int subscriberCount(String forumId) {
    return subscribers.getOrDefault(forumId, List.of()).size();
  }

  private static void send(SseEmitter emitter, String name, Object data) {
    try {
      emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
    } catch (IOException | IllegalStateException gone) {
      emitter.completeWithError(gone);
    }
  }
}
