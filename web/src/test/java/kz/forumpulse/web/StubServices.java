package kz.forumpulse.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Three tiny HTTP servers standing in for the services. Each answers with what it received (its
 * name, method, path, query, forwarded headers and body) as JSON, except under {@code /opaque/},
 * where it answers {@code {}} so a test can see what the proxy itself sends back; {@code
 * /reports/live} answers as an event stream: one event at once, the second only after {@link
 * #releaseSecondEvent()}. The login probes ({@code /api/forums/login-probe/...}) answer like the
 * services' security: 401 for an unknown account or password, 403 for a role that may not, 404 (no
 * such forum) for one that may. Every request is recorded in {@link #received}.
 */
final class StubServices {

  static final StubServices INSTANCE = new StubServices();

  /** Staff accounts of the stubs: name, password, role; "nobody" has a password and no role. */
  static final Map<String, String[]> ACCOUNTS =
      Map.of(
          "organiser", new String[] {"stub-organiser-pw", "ORGANISER"},
          "moderator", new String[] {"stub-moderator-pw", "MODERATOR"},
          "analyst", new String[] {"stub-analyst-pw", "ANALYST"},
          "nobody", new String[] {"stub-nobody-pw", ""});

  private static final Map<String, String> PROBE_ROLE =
      Map.of(
          "/api/forums/login-probe/registrations/summary", "ORGANISER",
          "/api/forums/login-probe/moderation/settings", "MODERATOR",
          "/api/forums/login-probe/reports/attendance", "ANALYST");

  /** One request as a stub service saw it. */
  record Received(String service, String method, String path, String authorization) {}

  final List<Received> received = new CopyOnWriteArrayList<>();

  final HttpServer registration = start("registration");
  final HttpServer feedback = start("feedback");
  final HttpServer reporting = start("reporting");
  private volatile CountDownLatch secondEvent = new CountDownLatch(1);

  static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void releaseSecondEvent() {
    secondEvent.countDown();
  }

  void resetStream() {
    secondEvent = new CountDownLatch(1);
  }

  private HttpServer start(String name) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext("/", exchange -> handle(name, exchange));
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Requests a stub received for exactly this path. */
  List<Received> receivedAt(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(String name, HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    received.add(new Received(name, exchange.getRequestMethod(), path, authorization));
    if (PROBE_ROLE.containsKey(path)) {
      probe(exchange, PROBE_ROLE.get(path), authorization);
      return;
    }
    if (path.endsWith("/reports/live")) {
      stream(exchange);
      return;
    }
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String json =
        "{"
            + field("service", name)
            + ","
            + field("method", exchange.getRequestMethod())
            + ","
            + field("path", path)
            + ","
            + field("query", exchange.getRequestURI().getRawQuery())
            + ","
            + field("contentType", exchange.getRequestHeaders().getFirst("Content-Type"))
            + ","
            + field("language", exchange.getRequestHeaders().getFirst("Accept-Language"))
            + ","
            + field("authorization", exchange.getRequestHeaders().getFirst("Authorization"))
            + ","
            + field("participantCode", exchange.getRequestHeaders().getFirst("X-Participant-Code"))
            + ","
            + field("idempotencyKey", exchange.getRequestHeaders().getFirst("Idempotency-Key"))
            + ","
            + field("cookie", exchange.getRequestHeaders().getFirst("Cookie"))
            + ","
            + field("body", body)
            + "}";
    if (path.contains("/opaque/")) {
      json = "{}";
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Realm\"");
    exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=upstream");
    exchange.getResponseHeaders().add("Location", path + "/new");
    int status = "POST".equals(exchange.getRequestMethod()) ? 201 : 200;
    if (path.endsWith("/secret")) {
      status = 401;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void probe(HttpExchange exchange, String role, String authorization)
      throws IOException {
    String[] account =
        ACCOUNTS.entrySet().stream()
            .filter(a -> basic(a.getKey(), a.getValue()[0]).equals(authorization))
            .map(a -> a.getValue())
            .findFirst()
            .orElse(null);
    int status = account == null ? 401 : account[1].equals(role) ? 404 : 403;
    if (status == 401) {
      exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"forum-pulse\"");
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private void stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write("event:ready\ndata:{\"n\":1}\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      if (secondEvent.await(30, TimeUnit.SECONDS)) {
        out.write("event:faq\ndata:{\"n\":2}\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String field(String name, String value) {
    if (value == null) {
      return "\"" + name + "\":null";
    }
    StringBuilder s = new StringBuilder("\"").append(name).append("\":\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        default -> s.append(c);
      }
    }
    return s.append('"').toString();
  }
}
