package kz.forumpulse.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import kz.forumpulse.feedback.FeedbackApplication;
import kz.forumpulse.registration.RegistrationApplication;
import kz.forumpulse.reporting.ReportingApplication;
import kz.forumpulse.testsupport.InfrastructureInitializer;
import kz.forumpulse.testsupport.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services and the web app in this JVM, on random ports and the shared test broker and
 * database (as the system tests start them), the web app pointed at the three services.
 */
final class WebSystem implements AutoCloseable {

  static final String ORGANISER_PASSWORD = "web-e2e-organiser";

  private static WebSystem shared;

  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
  final String registration;
  final String feedback;
  final String reporting;
  final String web;
  private final HttpClient http = HttpClient.newHttpClient();

  private WebSystem() {
    TestInfrastructure infra = TestInfrastructure.get();
    List<String> args = new ArrayList<>();
    InfrastructureInitializer.properties(infra).forEach((k, v) -> args.add("--" + k + "=" + v));
    args.add("--server.port=0");
    args.add("--forum.security.organiser-password=" + ORGANISER_PASSWORD);
    args.add("--forum.security.moderator-password=web-e2e-moderator");
    args.add("--forum.security.analyst-password=web-e2e-analyst");
    String[] common = args.toArray(String[]::new);
    // The first application to start configures Logback for the whole JVM; two doing it at the same
    // moment race ("Logback configuration error detected"), so one starts alone and the rest after.
    contexts.add(
        start(
                RegistrationApplication::builder,
                common,
                "--spring.mongodb.database=web_registration")
            .join());
    List<CompletableFuture<ConfigurableApplicationContext>> starting =
        List.of(
            start(FeedbackApplication::builder, common, "--spring.mongodb.database=web_feedback"),
            start(
                ReportingApplication::builder, common, "--spring.mongodb.database=web_reporting"));
    starting.forEach(f -> contexts.add(f.join()));
    registration = baseUrl(contexts.get(0));
    feedback = baseUrl(contexts.get(1));
    reporting = baseUrl(contexts.get(2));
    ConfigurableApplicationContext webContext =
        WebApplication.builder()
            .run(
                "--server.port=0",
                "--forum.web.registration-url=" + registration,
                "--forum.web.feedback-url=" + feedback,
                "--forum.web.reporting-url=" + reporting);
    contexts.add(webContext);
    web = baseUrl(webContext);
  }

  static synchronized WebSystem get() {
    if (shared == null) {
      shared = new WebSystem();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  private static CompletableFuture<ConfigurableApplicationContext> start(
      Supplier<SpringApplicationBuilder> builder, String[] common, String database) {
    return CompletableFuture.supplyAsync(
        () -> {
          String[] args = Arrays.copyOf(common, common.length + 1);
          args[common.length] = database;
          return builder.get().run(args);
        });
  }

  private static String baseUrl(ConfigurableApplicationContext context) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return "http://localhost:" + port;
  }

  HttpResponse<String> post(String url, String json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return send(request.build());
  }

  HttpResponse<String> get(String url, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    return send(request.GET().build());
  }

  static Map<String, String> organiser() {
    String token =
        Base64.getEncoder()
            .encodeToString(("organiser:" + ORGANISER_PASSWORD).getBytes(StandardCharsets.UTF_8));
    return Map.of("Authorization", "Basic " + token);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    contexts.forEach(ConfigurableApplicationContext::close);
  }
}
