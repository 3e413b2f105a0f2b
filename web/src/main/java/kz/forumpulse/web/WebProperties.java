package kz.forumpulse.web;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the three services are, and how long the proxy waits for an answer to start.
 *
 * @param registrationUrl base URL of registration-service
 * @param feedbackUrl base URL of feedback-service
 * @param reportingUrl base URL of reporting-service
 * @param connectTimeout how long to wait for a connection to a service
 * @param responseTimeout how long to wait for a service's response headers (a stream may then run
 *     for as long as it lasts)
 * @param maxRequestBody largest request body the proxy forwards, in bytes
 */
@ConfigurationProperties("forum.web")
public record WebProperties(
    URI registrationUrl,
    URI feedbackUrl,
    URI reportingUrl,
    Duration connectTimeout,
    Duration responseTimeout,
    Integer maxRequestBody) {

  public WebProperties {
    registrationUrl =
        registrationUrl == null ? URI.create("http://localhost:8081") : registrationUrl;
    feedbackUrl = feedbackUrl == null ? URI.create("http://localhost:8082") : feedbackUrl;
    reportingUrl = reportingUrl == null ? URI.create("http://localhost:8083") : reportingUrl;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    responseTimeout = responseTimeout == null ? Duration.ofSeconds(30) : responseTimeout;
    maxRequestBody = maxRequestBody == null ? 1_048_576 : maxRequestBody;
  }

  URI baseOf(Upstream upstream) {
    return switch (upstream) {
      case REGISTRATION -> registrationUrl;
      case FEEDBACK -> feedbackUrl;
      case REPORTING -> reportingUrl;
    };
  }
}
