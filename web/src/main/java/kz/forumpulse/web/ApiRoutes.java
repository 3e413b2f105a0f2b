package kz.forumpulse.web;

import java.util.List;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which service answers which API path. The first matching rule wins, so the more specific paths
 * come first ({@code /questions/similar} is reporting's, other {@code /questions} paths are
 * feedback's). A path no rule matches is not proxied (404). {@code /**} also matches the path
 * itself, e.g. {@code /api/forums/{id}/projects}.
 */
public final class ApiRoutes {

  /** One rule: a path pattern and the service behind it. */
  public record Route(String pattern, Upstream upstream) {}

  /** The routing table, in order; README.md of this module shows the same table. */
  public static final List<Route> TABLE =
      List.of(
          // reporting-service
          new Route("/api/forums/*/questions/similar", Upstream.REPORTING),
          new Route("/api/forums/*/reports/**", Upstream.REPORTING),
          new Route("/api/forums/*/faq/**", Upstream.REPORTING),
          new Route("/api/reports/**", Upstream.REPORTING),
          // feedback-service
          new Route("/api/forums/*/projects/**", Upstream.FEEDBACK),
          new Route("/api/forums/*/questions/**", Upstream.FEEDBACK),
          new Route("/api/forums/*/moderation/**", Upstream.FEEDBACK),
          new Route("/api/forums/*/my/**", Upstream.FEEDBACK),
          // registration-service
          new Route("/api/forums/*/registrations/**", Upstream.REGISTRATION),
          new Route("/api/forums/*/check-ins/**", Upstream.REGISTRATION),
          new Route("/api/forums/*/exports/**", Upstream.REGISTRATION),
          new Route("/api/forums/*", Upstream.REGISTRATION),
          new Route("/api/forums", Upstream.REGISTRATION),
          new Route("/api/me/**", Upstream.REGISTRATION));

  private static final List<Compiled> COMPILED =
      TABLE.stream()
          .map(
              r -> new Compiled(PathPatternParser.defaultInstance.parse(r.pattern()), r.upstream()))
          .toList();

  private record Compiled(PathPattern pattern, Upstream upstream) {}

  private ApiRoutes() {}

  /** The service for a request path (without query string), if any rule matches. */
  public static Optional<Upstream> route(String path) {
    if (path == null || path.contains("..") || path.contains("//")) {
      return Optional.empty();
    }
    PathContainer container = PathContainer.parsePath(path);
    return COMPILED.stream()
        .filter(c -> c.pattern().matches(container))
        .map(Compiled::upstream)
        .findFirst();
  }
}
