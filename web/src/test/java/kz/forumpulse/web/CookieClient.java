package kz.forumpulse.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser's cookie handling over a real socket, spelled out: cookies from {@code Set-Cookie} are
 * kept (and dropped on {@code Max-Age=0}) and sent back; the CSRF header is added only when a test
 * asks for it, as the pages' script does. Every response is kept, so a test can search them all.
 */
final class CookieClient {

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  final Map<String, String> cookies = new LinkedHashMap<>();
  final List<HttpResponse<String>> responses = new ArrayList<>();

  CookieClient(int port) {
    this.base = "http://localhost:" + port;
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  /** POST of a JSON body; with {@code csrf} the token cookie is echoed in X-XSRF-TOKEN. */
  HttpResponse<String> post(String path, String json, boolean csrf, String... headers) {
    HttpRequest.Builder request =
        request(path, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (csrf) {
      request.header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
    }
    return send(request);
  }

  HttpResponse<String> login(String user, String password) {
    return login(user, password, true);
  }

  HttpResponse<String> login(String user, String password, boolean csrf) {
    if (!cookies.containsKey("XSRF-TOKEN")) {
      get("/login.html");
    }
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        request("/login")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (csrf) {
      request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }
    return send(request);
  }

  HttpResponse<String> logout(boolean csrf) {
    HttpRequest.Builder request = request("/logout").POST(HttpRequest.BodyPublishers.noBody());
    if (csrf) {
      request.header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""));
    }
    return send(request);
  }

  /** The Set-Cookie header that set this cookie, as sent. */
  static String setCookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .findFirst()
        .orElse(null);
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      for (String header : response.headers().allValues("Set-Cookie")) {
        for (HttpCookie cookie : HttpCookie.parse(header)) {
          if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
            cookies.remove(cookie.getName());
          } else {
            cookies.put(cookie.getName(), cookie.getValue());
          }
        }
      }
      responses.add(response);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
