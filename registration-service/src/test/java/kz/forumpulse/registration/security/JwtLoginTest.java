package kz.forumpulse.registration.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import kz.forumpulse.registration.RegistrationApplication;
import kz.forumpulse.testsupport.InfrastructureInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production login end to end: a real registration-service over HTTP, configured only by the
 * documented settings ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code
 * ...audiences}, {@code forum.security.jwt-roles-claim}), against an identity provider that lives
 * in this test. The provider is discovered the way a real one is (OpenID metadata, then its JWKS),
 * so a wrong issuer, key, audience or expiry is refused by the same code that runs in production.
 *
 * <p>Its own context (properties differ from {@code @RegistrationIntegrationTest}) on the shared
 * broker and database; a database of its own keeps its writes out of the other tests.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + RegistrationApplication.CONFIG_NAME,
      "forum.security.organiser-password=" + JwtLoginTest.BASIC_PASSWORD,
      "forum.security.moderator-password=jwt-test-moderator",
      "forum.security.analyst-password=jwt-test-analyst",
      "spring.mongodb.database=registration_jwt",
      "spring.security.oauth2.resourceserver.jwt.audiences=" + JwtLoginTest.AUDIENCE,
      // Not the default "roles", so the tests prove the setting is what decides.
      "forum.security.jwt-roles-claim=groups"
    })
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class JwtLoginTest {

  static final String BASIC_PASSWORD = "jwt-test-organiser";
  static final String AUDIENCE = "forum-pulse";
  static final String KEY_ID = "signing-key-1";

  static final IdentityProvider IDP = IdentityProvider.start();

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void issuer(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", IDP::issuer);
  }

  @AfterAll
  static void stopProvider() {
    IDP.stop();
  }

  @Test
  void organiserTokenOpensOrganiserEndpoints() {
    Map<String, String> organiser = bearer(IDP.token(claims -> claims.claim("groups", ORGANISER)));

    HttpResponse<String> created = createForum(organiser);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String forumId = JsonPath.read(created.body(), "$.id");
    HttpResponse<String> list = get("/api/forums/" + forumId + "/registrations", organiser);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(list.body(), "$.total")).isZero();
    // The keys came from the provider's discovery document, not from anything the test injected.
    assertThat(IDP.jwksRequests).hasPositiveValue();
  }

  @Test
  void analystTokenIsRecognisedButRefusedOrganiserEndpoints() {
    String analyst = IDP.token(claims -> claims.claim("groups", List.of("Analyst")));

    HttpResponse<String> organiserOnly = get(organiserEndpoint(), bearer(analyst));
    assertThat(organiserOnly.statusCode()).isEqualTo(403);
    assertProblem(organiserOnly, 403, "forbidden");
    assertThat(createForum(bearer(analyst)).statusCode()).isEqualTo(403);
    // The same token passes where analysts are allowed, so the 403 above is the role rule, not a
    // token that was read without roles.
    assertThat(get("/actuator/prometheus", bearer(analyst)).statusCode()).isEqualTo(200);
  }

  @Test
  void rolesOutsideTheConfiguredClaimGrantNothing() {
    String rolesClaim = IDP.token(claims -> claims.claim("roles", ORGANISER));
    String unknownRole = IDP.token(claims -> claims.claim("groups", List.of("admin")));

    assertThat(get(organiserEndpoint(), bearer(rolesClaim)).statusCode()).isEqualTo(403);
    assertThat(get(organiserEndpoint(), bearer(unknownRole)).statusCode()).isEqualTo(403);
  }

  @Test
  void expiredTokenIsRefused() {
    Instant past = Instant.now().minus(Duration.ofHours(1));
    String expired =
        IDP.token(
            claims ->
                claims
                    .claim("groups", ORGANISER)
                    .issueTime(Date.from(past))
                    // Beyond the validator's 60 s clock skew.
                    .expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))));

    assertUnauthorized(get(organiserEndpoint(), bearer(expired)));
  }

  @Test
  void tokenSignedByAnotherKeyIsRefused() throws Exception {
    // Same key id as the provider's, so only the signature check can reject it.
    RSAKey stranger = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
    String forged = IdentityProvider.sign(stranger, IDP.claims().claim("groups", ORGANISER));

    assertUnauthorized(get(organiserEndpoint(), bearer(forged)));
  }

  @Test
  void unsignedTokenIsRefused() {
    String unsigned = new PlainJWT(IDP.claims().claim("groups", ORGANISER).build()).serialize();

    assertUnauthorized(get(organiserEndpoint(), bearer(unsigned)));
  }

  @Test
  void tokenFromAnotherIssuerIsRefused() {
    String otherIssuer =
        IDP.token(
            claims ->
                claims
                    .claim("groups", ORGANISER)
                    .issuer(IDP.issuer().replace("/forum-pulse", "/other-realm")));

    assertUnauthorized(get(organiserEndpoint(), bearer(otherIssuer)));
  }

  @Test
  void tokenForAnotherAudienceOrNoneIsRefused() {
    String otherAudience =
        IDP.token(claims -> claims.claim("groups", ORGANISER).audience("another-application"));
    String noAudience = IDP.token(claims -> claims.claim("groups", ORGANISER).claim("aud", null));

    assertUnauthorized(get(organiserEndpoint(), bearer(otherAudience)));
    assertUnauthorized(get(organiserEndpoint(), bearer(noAudience)));
  }

  @Test
  void noTokenIsUnauthorizedWithProblemDetails() {
    assertUnauthorized(get(organiserEndpoint(), Map.of()));
  }

  @Test
  void publicEndpointsNeedNoToken() {
    assertThat(get("/api/forums", Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void staffBasicAccountsStayAvailableAlongsideTokens() {
    // Documented in SECURITY.md: the web staff pages and the metrics scraper sign in over Basic,
    // so JWT mode adds the identity provider rather than replacing the staff accounts.
    HttpResponse<String> created = createForum(basic("organiser", BASIC_PASSWORD));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertUnauthorized(get(organiserEndpoint(), basic("organiser", "not-the-password")));
  }

  private static final List<String> ORGANISER = List.of("organiser");

  /** Any organiser-only URL: security answers before the controller looks the forum up. */
  private static String organiserEndpoint() {
    return "/api/forums/" + UUID.randomUUID() + "/registrations";
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  private static Map<String, String> basic(String user, String password) {
    String credentials = user + ":" + password;
    return Map.of(
        "Authorization",
        "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertUnauthorized(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertProblem(response, 401, "unauthorized");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(status);
    assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo(code);
    assertThat((String) JsonPath.read(response.body(), "$.title")).isNotBlank();
  }

  private HttpResponse<String> createForum(Map<String, String> headers) {
    String forum =
        """
        {"titleRu":"Форум для входа по токену","titleKk":"Токен форумы","startsOn":"2027-02-01",
         "venue":"Уральск","regionCode":"ZKO","capacity":10}
        """;
    return send(
        request("/api/forums", headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(forum, StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) {
    return send(request(path, headers).GET());
  }

  private HttpRequest.Builder request(String path, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A minimal OpenID provider: discovery document and JWKS over HTTP, and a signing key made at
   * start, so no key is ever stored in the repository.
   */
  static final class IdentityProvider {

    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;
    final AtomicInteger jwksRequests = new AtomicInteger();

    private IdentityProvider(HttpServer server, RSAKey key) {
      this.server = server;
      this.key = key;
      this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/forum-pulse";
    }

    static IdentityProvider start() {
      try {
        RSAKey key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        HttpServer server =
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        IdentityProvider idp = new IdentityProvider(server, key);
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        String metadata =
            """
            {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
             "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
             "token_endpoint":"%1$s/protocol/openid-connect/token",
             "response_types_supported":["code"],"subject_types_supported":["public"],
             "id_token_signing_alg_values_supported":["RS256"]}
            """
                .formatted(idp.issuer);
        server.createContext(
            "/realms/forum-pulse/.well-known/openid-configuration",
            exchange -> respond(exchange, metadata));
        server.createContext(
            "/realms/forum-pulse/protocol/openid-connect/certs",
            exchange -> {
              idp.jwksRequests.incrementAndGet();
              respond(exchange, jwks);
            });
        server.start();
        return idp;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }

    String issuer() {
      return issuer;
    }

    /** Claims of a valid staff token, to be changed by a test. */
    JWTClaimsSet.Builder claims() {
      Instant now = Instant.now();
      return new JWTClaimsSet.Builder()
          .issuer(issuer)
          .subject(UUID.randomUUID().toString())
          .audience(AUDIENCE)
          .claim("preferred_username", "staff.member")
          .issueTime(Date.from(now))
          .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    String token(Consumer<JWTClaimsSet.Builder> change) {
      JWTClaimsSet.Builder claims = claims();
      change.accept(claims);
      return sign(key, claims);
    }

    static String sign(RSAKey key, JWTClaimsSet.Builder claims) {
      try {
        SignedJWT jwt =
            new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }

    void stop() {
      server.stop(0);
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
