package kz.forumpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in a real headless Chromium, against the three services and the web app on the shared
 * embedded broker and database: registers through the form (and sees field errors first), asks a
 * question, sees similar questions while typing, and the organiser's dashboard shows the question
 * and updates live, without a reload, when another arrives. Screenshots: target/screenshots.
 */
@EnabledIf(
    value = "kz.forumpulse.web.Browser#available",
    disabledReason =
        "/usr/bin/chromium or /usr/bin/chromedriver is missing (apt-get install chromium chromium-driver)")
class BrowserEndToEndTest {

  /** Pages and the API answer in seconds; events cross Kafka to other services, so allow more. */
  private static final Duration PAGE = Duration.ofSeconds(30);

  private static final Duration EVENTS = Duration.ofSeconds(90);

  private static final String QUESTION =
      "Какой срок погашения микрокредита по программе Ауыл аманаты?";

  private static WebSystem system;
  private static Browser browser;
  private static String forumId;

  @BeforeAll
  static void start() {
    system = WebSystem.get();
    browser = Browser.shared();
    browser.forget(system.web);
    HttpResponse<String> created =
        system.post(
            system.registration + "/api/forums",
            """
            {"titleRu":"Форум сельских акимов ЗКО","titleKk":"БҚО ауыл әкімдерінің форумы",
             "startsOn":"%s","venue":"Уральск","regionCode":"ZKO","capacity":300}
            """
                .formatted(LocalDate.now().plusDays(30)),
            WebSystem.organiser());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    forumId = field(created.body(), "id");
    // feedback-service learns the forum from its event before it takes questions about it.
    until(
        () ->
            system
                    .get(system.feedback + "/api/forums/" + forumId + "/projects", Map.of())
                    .statusCode()
                == 200);
  }

  @Test
  void participantRegistersAsksAndTheOrganiserSeesItLive() {
    var driver = browser.driver;
    WebDriverWait page = browser.waiting(PAGE);

    // 1. The registration form, in Russian by default, with districts and roles from the forum.
    driver.get(system.web + "/register.html?forum=" + forumId);
    page.until(ExpectedConditions.visibilityOfElementLocated(By.id("register-form")));
    page.until(d -> new Select(d.findElement(By.id("district"))).getOptions().size() > 12);
    assertThat(driver.findElement(By.cssSelector("label[for=fullName]")).getText())
        .isEqualTo("ФИО");
    assertThat(driver.findElement(By.id("consent-text")).getText()).contains("организатор");
    browser.screenshot("01-register-form");
    long registerWeight = pageWeight("register");

    // 2. Sent empty: the service's field errors appear next to the inputs.
    driver.findElement(By.id("submit")).click();
    page.until(d -> !d.findElement(By.id("err-fullName")).getText().isBlank());
    assertThat(driver.findElement(By.id("fullName")).getDomAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(driver.findElement(By.id("err-consent")).getText()).isNotBlank();
    browser.screenshot("02-register-errors");

    // 3. Filled in and sent: the confirmation with the access code, personal link and QR ticket.
    driver.findElement(By.id("fullName")).sendKeys("Айгүл Сапарова");
    new Select(driver.findElement(By.id("role"))).selectByValue("RURAL_AKIM");
    driver.findElement(By.id("elected")).click();
    Select district = new Select(driver.findElement(By.id("district")));
    district.selectByIndex(1);
    String districtName = district.getFirstSelectedOption().getText();
    driver.findElement(By.id("ruralDistrict")).sendKeys("Федоровский сельский округ");
    driver.findElement(By.id("phone")).sendKeys("+7 701 123 45 67");
    driver.findElement(By.id("consent")).click();
    driver.findElement(By.id("submit")).click();
    page.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
    String code = driver.findElement(By.id("access-code")).getText();
    assertThat(code).isNotBlank();
    assertThat(driver.findElement(By.id("personal-link")).getAttribute("href"))
        .contains("/me.html#forum=" + forumId)
        .contains("code=");
    page.until(
        d ->
            Boolean.TRUE.equals(
                driver.executeScript(
                    "const i=document.getElementById('ticket-img');"
                        + "return !!i && i.complete && i.naturalWidth > 0;")));
    browser.screenshot("03-registration-confirmed");

    // feedback-service knows the code once the registration event has reached it.
    until(
        () ->
            system
                    .get(
                        system.feedback + "/api/forums/" + forumId + "/my/questions",
                        Map.of("X-Participant-Code", code))
                    .statusCode()
                == 200);

    // 4. Ask: the code is remembered on this device; the question shows among "my questions".
    driver.get(system.web + "/ask.html?forum=" + forumId);
    page.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-form")));
    assertThat(driver.findElement(By.id("code")).getDomProperty("value")).isEqualTo(code);
    page.until(d -> new Select(d.findElement(By.id("project"))).getOptions().size() > 1);
    new Select(driver.findElement(By.id("project"))).selectByValue("AUYL_AMANATY");
    driver.findElement(By.id("text")).sendKeys(QUESTION);
    driver.findElement(By.id("anonymous")).click();
    driver.findElement(By.id("submit")).click();
    page.until(d -> !d.findElement(By.id("ask-result")).getText().isBlank());
    page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-questions"), QUESTION));
    browser.screenshot("04-question-asked");
    long askWeight = pageWeight("ask");
    assertThat(registerWeight).isLessThan(200_000);
    assertThat(askWeight).isLessThan(200_000);

    // 5. The organiser logs in and the dashboard shows the participant and the question.
    browser.desktop();
    driver.get(system.web + "/dashboard.html?forum=" + forumId);
    page.until(ExpectedConditions.urlContains("/login.html"));
    new Select(driver.findElement(By.id("user"))).selectByValue("organiser");
    driver.findElement(By.id("password")).sendKeys(WebSystem.ORGANISER_PASSWORD);
    driver.findElement(By.id("login")).click();
    page.until(ExpectedConditions.urlContains("/dashboard.html"));
    WebDriverWait events = browser.waiting(EVENTS);
    events.until(ExpectedConditions.textToBe(By.id("stat-registered"), "1"));
    events.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("chart-district"), districtName));
    events.until(ExpectedConditions.textToBePresentInElementLocated(By.id("faq-list"), QUESTION));
    events.until(ExpectedConditions.attributeContains(By.id("live"), "class", "on"));
    String questionsBefore = driver.findElement(By.id("stat-questions")).getText();
    browser.screenshot("05-dashboard");

    // 6. Another question arrives (through the API); the open dashboard changes without a reload.
    driver.executeScript("window.__sameDocument = true;");
    HttpResponse<String> asked =
        system.post(
            system.feedback + "/api/forums/" + forumId + "/questions",
            "{\"project\":\"ZHER_AMANATY\",\"text\":\"Как вернуть неиспользуемую землю государству?\"}",
            Map.of("X-Participant-Code", code));
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    events.until(d -> !d.findElement(By.id("stat-questions")).getText().equals(questionsBefore));
    events.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chart-faq"), "/"));
    assertThat(driver.executeScript("return window.__sameDocument === true;")).isEqualTo(true);
    browser.screenshot("06-dashboard-live-update");

    // 7. Back on the ask page: a similar question appears while typing.
    browser.phone();
    driver.get(system.web + "/ask.html?forum=" + forumId);
    page.until(d -> new Select(d.findElement(By.id("project"))).getOptions().size() > 1);
    new Select(driver.findElement(By.id("project"))).selectByValue("AUYL_AMANATY");
    driver.findElement(By.id("text")).sendKeys("Какой срок погашения микрокредита?");
    events.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#similar-list li")));
    WebElement similar = driver.findElement(By.id("similar-list"));
    assertThat(similar.getText()).contains("микрокредит");
    browser.screenshot("07-similar-questions");
  }

  /**
   * Bytes of the page's HTML, scripts, stylesheet and JSON as sent over the wire (compressed body
   * sizes from the Resource Timing API); written to target/screenshots/page-weights.txt. The
   * registration page is the browser's first, so a cold load; later pages reuse cached files.
   */
  private static long pageWeight(String name) {
    Object bytes =
        browser.driver.executeScript(
            "return performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource'))"
                + ".reduce((s, e) => s + (e.encodedBodySize || 0), 0);");
    long weight = ((Number) bytes).longValue();
    try {
      java.nio.file.Files.writeString(
          Browser.SCREENSHOTS.resolve("page-weights.txt"),
          name + " " + weight + " bytes\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return weight;
  }

  static void until(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + EVENTS.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + EVENTS);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return m.group(1);
  }
}
