package kz.forumpulse.support.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/** Answers 429 with Retry-After and a problem body once a client exceeds a configured limit. */
public class RateLimitFilter extends OncePerRequestFilter {

  private final RateLimitProperties properties;
  private final RateLimiter limiter;
  private final AntPathMatcher paths = new AntPathMatcher();

  public RateLimitFilter(RateLimitProperties properties, Clock clock) {
    this.properties = properties;
    this.limiter = new RateLimiter(clock);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    if (properties.exemptLoopback() && isLoopback(request.getRemoteAddr())) {
      chain.doFilter(request, response);
      return;
    }
    for (int i = 0; i < properties.rules().size(); i++) {
      RateLimitProperties.Rule rule = properties.rules().get(i);
      boolean methodMatches =
          rule.method() == null || rule.method().equalsIgnoreCase(request.getMethod());
      if (methodMatches && paths.match(rule.path(), path)) {
        long retryAfter =
            limiter.acquire(
                i + "|" + request.getRemoteAddr(), rule.requests(), rule.window().toMillis());
        if (retryAfter > 0) {
          tooMany(response, retryAfter, path);
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean isLoopback(String address) {
    return address != null
        && (address.startsWith("127.")
            || address.equals("::1")
            || address.equals("0:0:0:0:0:0:0:1"));
  }

  private static void tooMany(HttpServletResponse response, long retryAfter, String path)
      throws IOException {
    response.setStatus(429);
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\"https://forum-pulse.kz/problems/rateLimited\",\"title\":\"Too many requests\","
                + "\"status\":429,\"code\":\"rateLimited\",\"detail\":\"Too many requests; retry after "
                + retryAfter
                + " s.\",\"instance\":\""
                + path.replace("\"", "")
                + "\"}");
  }
}
