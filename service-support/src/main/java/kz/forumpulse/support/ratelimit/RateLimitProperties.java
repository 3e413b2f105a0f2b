package kz.forumpulse.support.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-client limits on endpoints worth abusing: registration (mass sign-ups) and anything that
 * checks an access code (guessing codes). Counted per client address and instance; behind a load
 * balancer set {@code server.forward-headers-strategy} so the client's own address is used.
 *
 * @param rules the limited endpoints; none by default
 * @param exemptLoopback whether requests from this machine are not limited (the local stack, its
 *     demo loader and the benchmark run here); behind a reverse proxy on the same host configure
 *     forwarded headers, or the proxy's loopback address would exempt everyone
 */
@ConfigurationProperties("forum.rate-limits")
public record RateLimitProperties(List<Rule> rules, boolean exemptLoopback) {

  public RateLimitProperties {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /**
   * @param method HTTP method, or null for any
   * @param path Ant-style path pattern, e.g. {@code /api/forums/{forumId}/registrations}
   * @param requests how many requests a client may make per window
   * @param window the window length
   */
  public record Rule(String method, String path, int requests, Duration window) {}
}
