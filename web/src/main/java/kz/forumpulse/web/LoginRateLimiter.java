package kz.forumpulse.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@link LoginProperties#attemptsPerMinute()} login requests per client address per minute
 * (a fixed one-minute window); beyond that 429 with {@code Retry-After}, before the services are
 * asked, so password guessing through this app is slow and costs the services nothing. Counted by
 * {@code getRemoteAddr()}: behind a reverse proxy that is the proxy unless forwarded headers are
 * trusted ({@code SERVER_FORWARD_HEADERS_STRATEGY}).
 */
final class LoginRateLimiter extends OncePerRequestFilter {

  private static final long WINDOW_MILLIS = 60_000;
  private static final int MAX_CLIENTS = 10_000;

  private record Window(long start, int count) {}

  private final int limit;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  LoginRateLimiter(int limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod())
        && "/login".equals(request.getRequestURI().substring(request.getContextPath().length())));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long now = clock.millis();
    if (windows.size() > MAX_CLIENTS) {
      windows.values().removeIf(w -> now - w.start() >= WINDOW_MILLIS);
    }
    Window window =
        windows.compute(
            request.getRemoteAddr(),
            (address, w) ->
                w == null || now - w.start() >= WINDOW_MILLIS
                    ? new Window(now, 1)
                    : new Window(w.start(), w.count() + 1));
    if (window.count() > limit) {
      long seconds = Math.max(1, (window.start() + WINDOW_MILLIS - now + 999) / 1000);
      response.setHeader("Retry-After", Long.toString(seconds));
      Problems.write(
          response,
          429,
          "Too Many Requests",
          "Too many login attempts; try again in " + seconds + " s",
          "tooManyLoginAttempts");
      return;
    }
    chain.doFilter(request, response);
  }
}
