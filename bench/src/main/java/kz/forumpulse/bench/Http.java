package kz.forumpulse.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few HTTP calls the benchmark makes: writes over {@link BlockingHttp}, reads and the live
 * stream over the JDK's HTTP/1.1 client (keep-alive pool).
 */
final class Http {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final HttpClient client;
  private final BlockingHttp writes = new BlockingHttp();
  private final String authorization;

  Http(String user, String password) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpClient client() {
    return client;
  }

  String authorization() {
    return authorization;
  }

  /** Writes go through {@link BlockingHttp}: the load generator's share of the cores is small. */
  HttpResponse<String> postJson(String url, Object body, String participantCode, boolean staff)
      throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json");
    if (participantCode != null) {
      headers.put("X-Participant-Code", participantCode);
    }
    if (staff) {
      headers.put("Authorization", authorization);
    }
    byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
    BlockingHttp.Response r = writes.post(url, bytes, headers);
    return new Answer(URI.create(url), r.statusCode(), r.body());
  }

  /** A public GET over {@link BlockingHttp}, the writes' client: status only, body dropped. */
  int getStatus(String url) throws IOException {
    return writes.get(url, Map.of("Accept", "application/json")).statusCode();
  }

  /** A {@link BlockingHttp} answer seen as the JDK's response type the phases read. */
  private record Answer(URI uri, int statusCode, String body) implements HttpResponse<String> {
    @Override
    public HttpRequest request() {
      return HttpRequest.newBuilder(uri).build();
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return HttpHeaders.of(Map.of(), (k, v) -> true);
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }

  HttpResponse<String> get(String url, boolean staff) throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .GET();
    if (staff) {
      b.header("Authorization", authorization);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode read(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  static boolean ok(HttpResponse<?> response) {
    return response.statusCode() / 100 == 2;
  }
}
