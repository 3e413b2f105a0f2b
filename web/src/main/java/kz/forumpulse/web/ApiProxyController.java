package kz.forumpulse.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Forwards {@code /api/**} to the service {@link ApiRoutes} names: method, path, query, body and a
 * fixed set of headers go there; status, body and a fixed set of headers come back. The body is
 * copied as it arrives and flushed after every chunk, so Server-Sent Events ({@code /reports/live})
 * stream through.
 *
 * <p>A staff member logged in through the login form has no credential in the browser: the session
 * holds it and it is added here (see {@link #authorization}).
 *
 * <p>{@code WWW-Authenticate} is not passed back: a browser would answer it with its own login
 * dialog, and the staff pages have their own login form.
 */
@Controller
class ApiProxyController {

  private static final Logger log = LoggerFactory.getLogger(ApiProxyController.class);

  /** Request headers a service may need; nothing else (cookies, Accept-Encoding) is forwarded. */
  static final List<String> REQUEST_HEADERS =
      List.of(
          "Content-Type",
          "Accept",
          "Accept-Language",
          "Authorization",
          "X-Participant-Code",
          "Idempotency-Key",
          "Last-Event-ID");

  /** Response headers passed back to the browser. */
  static final List<String> RESPONSE_HEADERS =
      List.of(
          "Content-Type",
          "Content-Disposition",
          "Content-Language",
          "Location",
          "Cache-Control",
          "ETag",
          "Retry-After");

  private static final Set<String> BODYLESS = Set.of("GET", "HEAD", "OPTIONS", "DELETE");

  private final WebProperties properties;
  private final HttpClient http;

  ApiProxyController(WebProperties properties) {
    this.properties = properties;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @RequestMapping("/api/**")
  void proxy(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<Upstream> upstream = ApiRoutes.route(path);
    if (upstream.isEmpty()) {
      problem(response, 404, "Not Found", "No service answers " + path);
      return;
    }
    byte[] body = null;
    if (!BODYLESS.contains(request.getMethod())) {
      body = request.getInputStream().readNBytes(properties.maxRequestBody() + 1);
      if (body.length > properties.maxRequestBody()) {
        problem(response, 413, "Content Too Large", "The request body is too large");
        return;
      }
    }
    String query = request.getQueryString();
    URI target =
        URI.create(
            stripSlash(properties.baseOf(upstream.get()).toString())
                + path
                + (query == null ? "" : "?" + query));
    HttpRequest.Builder forward =
        HttpRequest.newBuilder(target).timeout(properties.responseTimeout());
    for (String name : REQUEST_HEADERS) {
      String value = request.getHeader(name);
      if (value != null && !"Authorization".equals(name)) {
        forward.header(name, value);
      }
    }
    authorization(request).ifPresent(value -> forward.header("Authorization", value));
    forward.method(
        request.getMethod(),
        body == null || (body.length == 0 && BODYLESS.contains(request.getMethod()))
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));

    HttpResponse<InputStream> answer;
    try {
      answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      problem(response, 504, "Gateway Timeout", upstream.get() + " did not answer in time");
      return;
    } catch (ConnectException e) {
      problem(response, 502, "Bad Gateway", upstream.get() + " is not reachable");
      return;
    } catch (IOException e) {
      log.warn("{} {} -> {} failed: {}", request.getMethod(), path, upstream.get(), e.toString());
      problem(response, 502, "Bad Gateway", upstream.get() + " is not reachable");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem(response, 503, "Service Unavailable", "Interrupted");
      return;
    }
    copy(answer, response);
  }

  private static void copy(HttpResponse<InputStream> answer, HttpServletResponse response)
      throws IOException {
    response.setStatus(answer.statusCode());
    for (String name : RESPONSE_HEADERS) {
      answer.headers().allValues(name).forEach(v -> response.addHeader(name, v));
    }
    boolean stream =
        answer
            .headers()
            .firstValue("Content-Type")
            .map(t -> t.toLowerCase(Locale.ROOT).startsWith("text/event-stream"))
            .orElse(false);
    if (stream) {
      // No proxy buffering on the way (nginx honours this), no caching of a live stream.
      response.setHeader("X-Accel-Buffering", "no");
      response.setHeader("Cache-Control", "no-store");
    }
    try (InputStream in = answer.body()) {
      OutputStream out = response.getOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        if (stream) {
          // Each event reaches the browser now, not when a buffer fills.
          out.flush();
        }
      }
      out.flush();
    } catch (IOException e) {
      // The browser went away (a closed dashboard) or the service did; either ends the copy, and
      // closing the body lets the client drop the service connection.
      log.debug("Proxy copy ended: {}", e.toString());
    }
  }

  /**
   * An API client's own credential goes through untouched; otherwise a logged-in staff member's
   * session supplies it. A header that is no credential at all (a page sending {@code "undefined"})
   * does not hide the session's.
   */
  static Optional<String> authorization(HttpServletRequest request) {
    String own = request.getHeader("Authorization");
    if (WebSecurity.carriesCredential(request)) {
      return Optional.of(own.trim());
    }
    Authentication current = SecurityContextHolder.getContext().getAuthentication();
    if (current instanceof StaffAuthentication staff) {
      return Optional.of(staff.upstreamAuthorization());
    }
    return Optional.empty();
  }

  private static String stripSlash(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private static void problem(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    Problems.write(response, status, title, detail);
  }
}
