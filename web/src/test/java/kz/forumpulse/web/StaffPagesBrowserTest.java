package kz.forumpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff pages as their users work with them, in a real headless Chromium against the whole
 * system: the organiser sets up a forum and its project catalogue; a participant registers and
 * asks; the moderator approves, rejects, fixes a typo and answers; the organiser checks the
 * participant in (and undoes it), cancels another registration, curates the FAQ (merge, move,
 * representative text, undo) and sees it all on the dashboard. Logins go through the login form
 * only. Also measures the first-load weight of each participant page. Screenshots:
 * target/screenshots/staff-*.png.
 */
@EnabledIf(
    value = "kz.forumpulse.web.Browser#available",
    disabledReason =
        "/usr/bin/chromium or /usr/bin/chromedriver is missing (apt-get install chromium chromium-driver)")
class StaffPagesBrowserTest {

  private static final Duration PAGE = Duration.ofSeconds(30);

  /** Questions and registrations reach reporting-service through Kafka: allow more. */
  private static final Duration EVENTS = Duration.ofSeconds(90);

  private static final String MODERATOR_PASSWORD = "web-e2e-moderator";

  // Two near-duplicates the automatic grouping puts together (the first with a typo to fix), one
  // on another matter of the same project, and one off topic for the moderator to reject.
  private static final String NEAR_1 = "Когда в наше село праведут мобильный интернет?";
  private static final String NEAR_1_FIXED = "Когда в наше село проведут мобильный интернет?";
  private static final String NEAR_2 = "Когда в наше село проведут мобильный интернет 4G?";
  private static final String OTHER =
      "Будут ли курсы компьютерной грамотности для пожилых жителей?";
  private static final String OFF_TOPIC = "Продаю сено с доставкой, звоните";

  private static final String PARTICIPANT = "Бауыржан Есенов";
  private static final String GROUP_TEXT_RU = "Сроки подключения сёл к мобильному интернету";
  private static final String GROUP_TEXT_KK = "Ауылдарды мобильді интернетке қосу мерзімі";

  private static WebSystem system;
  private static Browser browser;
  private static ChromeDriver driver;
  private static WebDriverWait page;
  private static WebDriverWait events;

  @BeforeAll
  static void start() {
    system = WebSystem.get();
    browser = Browser.shared();
    browser.forget(system.web);
    driver = browser.driver;
    // Pages re-render lists after every action; a card found a moment earlier may be replaced.
    page = browser.waiting(PAGE);
    page.ignoring(StaleElementReferenceException.class);
    events = browser.waiting(EVENTS);
    events.ignoring(StaleElementReferenceException.class);
  }

  @Test
  void organiserModeratorAndParticipantRunAForum() {
    // 1. Organiser: log in, create a forum on the setup page (the service's field errors first).
    browser.desktop();
    logIn("organiser", WebSystem.ORGANISER_PASSWORD);
    driver.get(system.web + "/setup.html");
    page.until(ExpectedConditions.visibilityOfElementLocated(By.id("forum-form")));
    driver.findElement(By.id("save-forum")).click();
    page.until(d -> !d.findElement(By.id("err-titleRu")).getText().isBlank());
    assertThat(driver.findElement(By.id("titleRu")).getDomAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(driver.findElement(By.id("err-capacity")).getText()).isNotBlank();
    browser.screenshot("staff-01-setup-errors");

    type("titleRu", "Форум по цифровизации сёл ЗКО");
    type("titleKk", "БҚО ауылдарын цифрландыру форумы");
    typeDate("startsOn", LocalDate.now().plusDays(20));
    type("venue", "Уральск, Дом дружбы");
    type("capacity", "120");
    driver.findElement(By.id("add-session")).click();
    type("s0-code", "PLENARY");
    type("s0-titleRu", "Пленарное заседание");
    type("s0-titleKk", "Пленарлық отырыс");
    driver.findElement(By.id("save-forum")).click();
    page.until(ExpectedConditions.urlContains("forum="));
    String forumId = driver.getCurrentUrl().replaceAll(".*[?&]forum=([^&#]+).*", "$1");
    page.until(ExpectedConditions.attributeToBe(By.id("capacity"), "value", "120"));
    assertThat(driver.findElement(By.id("s0-code")).getDomAttribute("readonly")).isNotNull();

    // ...then change its capacity (a PATCH with the revision the page read).
    WebElement capacity = driver.findElement(By.id("capacity"));
    capacity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "150");
    driver.findElement(By.id("save-forum")).click();
    page.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#forum-form [role=alert]"), "Сохранено"));
    assertThat(forum(forumId)).contains("\"capacity\":150");
    driver.executeScript("window.scrollTo(0, 0);");
    browser.screenshot("staff-02-setup-forum");

    // 2. The project catalogue, once feedback-service has learnt the forum: add one (a missing
    // Kazakh name is refused next to its field), then rename it.
    events.until(ExpectedConditions.visibilityOfElementLocated(By.id("project-form")));
    page.until(d -> !d.findElements(By.cssSelector("#project-list form.project")).isEmpty());
    type("p-code", "INTERNET");
    type("p-nameRu", "Интернет в сёлах");
    driver.findElement(By.id("add-project")).click();
    page.until(d -> !d.findElement(By.id("err-p-nameKk")).getText().isBlank());
    type("p-nameKk", "Ауылдағы интернет");
    driver.findElement(By.id("add-project")).click();
    By internet = By.cssSelector("#project-list form[data-code=INTERNET]");
    page.until(ExpectedConditions.visibilityOfElementLocated(internet));
    WebElement nameRu = driver.findElement(internet).findElement(By.name("nameRu"));
    nameRu.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Мобильный интернет в сёлах");
    driver.findElement(internet).findElement(By.cssSelector("button[type=submit]")).click();
    page.until(
        ExpectedConditions.textToBePresentInElementLocated(internet, "Мобильный интернет в сёлах"));
    assertThat(
            system.get(system.feedback + "/api/forums/" + forumId + "/projects", Map.of()).body())
        .contains("Мобильный интернет в сёлах")
        .contains("Ауылдағы интернет");
    browser.screenshot("staff-02-setup-projects");

    // Questions wait for a moderator from now on.
    driver.get(system.web + "/moderation.html?forum=" + forumId);
    page.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings-form")));
    new Select(driver.findElement(By.id("mode"))).selectByValue("PRE_MODERATED");
    driver.findElement(By.cssSelector("#settings-form button[type=submit]")).click();
    page.until(ExpectedConditions.textToBe(By.id("status"), "Готово."));

    // 3. A participant (on a phone) registers and asks four questions.
    browser.phone();
    driver.get(system.web + "/register.html?forum=" + forumId);
    page.until(ExpectedConditions.visibilityOfElementLocated(By.id("register-form")));
    page.until(d -> new Select(d.findElement(By.id("district"))).getOptions().size() > 12);
    type("fullName", PARTICIPANT);
    new Select(driver.findElement(By.id("role"))).selectByValue("RURAL_AKIM");
    new Select(driver.findElement(By.id("district"))).selectByIndex(2);
    type("phone", "+7 701 222 33 44");
    driver.findElement(By.id("session-PLENARY")).click();
    driver.findElement(By.id("consent")).click();
    driver.findElement(By.id("submit")).click();
    page.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
    String code = driver.findElement(By.id("access-code")).getText();
    assertThat(code).isNotBlank();
    BrowserEndToEndTest.until(
        () ->
            system
                    .get(
                        system.feedback + "/api/forums/" + forumId + "/my/questions",
                        Map.of("X-Participant-Code", code))
                    .statusCode()
                == 200);

    driver.get(system.web + "/ask.html?forum=" + forumId);
    page.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-form")));
    page.until(d -> new Select(d.findElement(By.id("project"))).getOptions().size() > 1);
    for (String question : List.of(NEAR_1, NEAR_2, OTHER, OFF_TOPIC)) {
      new Select(driver.findElement(By.id("project"))).selectByValue("INTERNET");
      type("text", question);
      driver.findElement(By.id("submit")).click();
      page.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("my-questions"), question));
    }
    assertThat(driver.findElement(By.id("ask-result")).getText()).isNotBlank();
    browser.screenshot("staff-03-questions-asked");

    // Somebody else registered too; the organiser will find and cancel them below.
    HttpResponse<String> other =
        system.post(
            system.registration + "/api/forums/" + forumId + "/registrations",
            """
            {"fullName":"Сергей Иванов","role":"GUEST","district":"%s","phone":"+7 702 555 66 77",
             "language":"ru","consent":true}
            """
                .formatted(firstDistrict(forumId)),
            Map.of());
    assertThat(other.statusCode()).as(other.body()).isEqualTo(201);

    measurePageWeights(forumId, code);

    // 4. Moderator: reject the off-topic one with a reason, approve the rest, fix the typo, answer.
    browser.desktop();
    logIn("moderator", MODERATOR_PASSWORD);
    driver.get(system.web + "/moderation.html?forum=" + forumId);
    page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), OFF_TOPIC));
    questionCard(OFF_TOPIC).findElement(By.cssSelector("button.reject")).click();
    WebElement reason = questionCard(OFF_TOPIC).findElement(By.name("reason"));
    reason.sendKeys("Не по теме форума");
    reason.findElement(By.xpath("./ancestor::form//button[@type='submit']")).click();
    page.until(gone(OFF_TOPIC));
    for (String question : List.of(NEAR_1, NEAR_2, OTHER)) {
      questionCard(question).findElement(By.cssSelector("button.approve")).click();
      page.until(gone(question));
    }
    new Select(driver.findElement(By.id("filter"))).selectByValue("PUBLISHED");
    page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), NEAR_1));
    questionCard(NEAR_1).findElement(By.cssSelector("button.edit")).click();
    WebElement text = questionCard(NEAR_1).findElement(By.name("text"));
    text.sendKeys(Keys.chord(Keys.CONTROL, "a"), NEAR_1_FIXED);
    text.findElement(By.xpath("./ancestor::form//button[@type='submit']")).click();
    page.until(d -> questionCard(NEAR_1_FIXED).getText().contains(NEAR_1));
    questionCard(OTHER).findElement(By.cssSelector("button.answer")).click();
    WebElement answer = questionCard(OTHER).findElement(By.name("answer"));
    answer.sendKeys("Курсы проведёт ЦОН района, запись у акима округа.");
    answer.findElement(By.xpath("./ancestor::form//button[@type='submit']")).click();
    page.until(d -> questionCard(OTHER).getText().contains("запись у акима"));
    browser.screenshot("staff-04-moderation");

    // 5. Organiser at the door: types the code, undoes the mistaken mark, then checks in again.
    logIn("organiser", WebSystem.ORGANISER_PASSWORD);
    driver.get(system.web + "/checkin.html?forum=" + forumId);
    page.until(ExpectedConditions.visibilityOfElementLocated(By.id("checkin-form")));
    type("code", code);
    driver.findElement(By.id("submit")).click();
    page.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("checkin-result"), PARTICIPANT));
    page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), ": 1 ·"));
    browser.screenshot("staff-05-checked-in");
    driver.findElement(By.cssSelector("#result button")).click();
    page.until(ExpectedConditions.textToBe(By.id("status"), "Отметка входа отменена."));
    page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), ": 0 ·"));
    type("code", code);
    driver.findElement(By.id("submit")).click();
    page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), ": 1 ·"));

    // 6. Registrations: search by name, cancel that registration, then list the registered only.
    driver.get(system.web + "/registrations.html?forum=" + forumId);
    page.until(ExpectedConditions.visibilityOfElementLocated(By.id("table")));
    page.until(ExpectedConditions.textToBe(By.id("total"), "Найдено: 2"));
    type("q", "Иванов");
    driver.findElement(By.cssSelector("#filter-form button[type=submit]")).click();
    page.until(ExpectedConditions.textToBe(By.id("total"), "Найдено: 1"));
    WebElement row = driver.findElement(By.cssSelector("#rows tr"));
    assertThat(row.getText()).contains("Сергей Иванов").doesNotContain(PARTICIPANT);
    row.findElement(By.xpath(".//button[text()='Отменить']")).click();
    page.until(ExpectedConditions.textToBe(By.id("status"), "Готово."));
    page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), "Отменена"));
    // Everyone still coming: the search cleared, only registered people.
    driver.findElement(By.id("q")).clear();
    new Select(driver.findElement(By.id("f-status"))).selectByValue("REGISTERED");
    driver.findElement(By.cssSelector("#filter-form button[type=submit]")).click();
    page.until(
        d -> {
          String rows = d.findElement(By.id("rows")).getText();
          return rows.contains(PARTICIPANT) && !rows.contains("Иванов");
        });
    assertThat(driver.findElement(By.id("total")).getText()).isEqualTo("Найдено: 1");
    browser.screenshot("staff-06-registrations");

    // 7. FAQ curation: the near-duplicates share a group, the other question has its own.
    driver.get(system.web + "/curation.html?forum=" + forumId);
    page.until(ExpectedConditions.visibilityOfElementLocated(By.id("filter-form")));
    // The filter lists the forum's catalogue; if it could not be read, the page says why.
    browser
        .waiting(PAGE)
        .withMessage(() -> "curation page status: " + driver.findElement(By.id("status")).getText())
        .until(
            d ->
                new Select(d.findElement(By.id("project")))
                    .getOptions().stream()
                        .anyMatch(o -> "INTERNET".equals(o.getAttribute("value"))));
    new Select(driver.findElement(By.id("project"))).selectByValue("INTERNET");
    awaitGroups(2, 3);
    // Merge the other question's group (the one of one question) into the pair's.
    groupCounting(1).findElement(By.cssSelector("button.merge-open")).click();
    groupCounting(1).findElement(By.cssSelector("form.merge button")).click();
    awaitGroups(1, 3);
    // Open the merged group and move the second near-duplicate out into a group of its own.
    driver.findElement(By.cssSelector("#groups .faq-group button.open-group")).click();
    page.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ul.questions"), OTHER));
    WebElement moved = questionInGroup(NEAR_2);
    assertThat(
            new Select(moved.findElement(By.tagName("select")))
                .getFirstSelectedOption()
                .getDomAttribute("value"))
        .isEmpty();
    moved.findElement(By.cssSelector("form.move button")).click();
    awaitGroups(2, 3);
    // The group of the fixed question and the answered one gets a text in both languages.
    WebElement merged = groupCounting(2);
    merged.findElement(By.cssSelector("button.text-open")).click();
    WebElement ru = groupCounting(2).findElement(By.cssSelector("textarea[name=text-ru]"));
    ru.sendKeys(Keys.chord(Keys.CONTROL, "a"), GROUP_TEXT_RU);
    WebElement kk = groupCounting(2).findElement(By.cssSelector("textarea[name=text-kk]"));
    kk.sendKeys(Keys.chord(Keys.CONTROL, "a"), GROUP_TEXT_KK);
    groupCounting(2).findElement(By.cssSelector("form.representative button")).click();
    page.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups"), GROUP_TEXT_RU));
    page.until(d -> "false".equals(d.findElement(By.id("groups")).getDomAttribute("aria-busy")));
    // merge, move, and the text in two languages
    assertThat(driver.findElements(By.cssSelector("#history li.action"))).hasSize(4);
    browser.screenshot("staff-07-curation");
    // Undo the merge: the other question is back in a group of its own.
    driver.findElement(By.cssSelector("#history li.action[data-kind=MERGE] button.undo")).click();
    awaitGroups(3, 3);
    page.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#history li.action.undone[data-kind=MERGE]"), "отменено"));
    assertThat(driver.findElements(By.cssSelector("#history button.undo"))).hasSize(3);
    assertThat(driver.findElement(By.id("groups")).getText()).contains(GROUP_TEXT_RU);
    browser.screenshot("staff-08-curation-undone");

    // 8. The dashboard shows the attendance, the FAQ counts and the curated text.
    driver.get(system.web + "/dashboard.html?forum=" + forumId);
    events.until(d -> d.findElement(By.id("stat-checked-in")).getText().startsWith("1 "));
    events.until(ExpectedConditions.textToBe(By.id("stat-questions"), "3"));
    events.until(ExpectedConditions.textToBe(By.id("stat-answered"), "1"));
    events.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("faq-list"), GROUP_TEXT_RU));
    assertThat(driver.findElement(By.id("faq-list")).getText()).doesNotContain(OFF_TOPIC);
    browser.screenshot("staff-09-dashboard");

    // The staff pages link to the new ones, for the same forum.
    WebElement curationLink =
        driver.findElement(By.cssSelector("nav.staff-more a[href^='/curation.html']"));
    assertThat(curationLink.getText()).isEqualTo("Курирование FAQ");
  }

  // ---- people's actions

  private static void logIn(String user, String password) {
    driver.get(system.web + "/login.html");
    page.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    new Select(driver.findElement(By.id("user"))).selectByValue(user);
    type("password", password);
    driver.findElement(By.id("login")).click();
    page.until(d -> !d.getCurrentUrl().contains("/login.html"));
  }

  private static void type(String id, String text) {
    WebElement input = driver.findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  /**
   * Types a date into a date field as a person does: digits in the order the browser's locale shows
   * the day, month and year. Only if this Chromium build's field does not take them is the value
   * set directly (the test is about the page, not the browser's date widget).
   */
  private static void typeDate(String id, LocalDate date) {
    WebElement input = driver.findElement(By.id(id));
    String order =
        (String)
            driver.executeScript(
                "return new Intl.DateTimeFormat(navigator.language)"
                    + ".formatToParts(new Date(2000, 10, 22))"
                    + ".filter(p => p.type === 'day' || p.type === 'month' || p.type === 'year')"
                    + ".map(p => p.type[0]).join('');");
    StringBuilder keys = new StringBuilder();
    for (char part : order.toCharArray()) {
      keys.append(
          switch (part) {
            case 'd' -> "%02d".formatted(date.getDayOfMonth());
            case 'm' -> "%02d".formatted(date.getMonthValue());
            default -> "%04d".formatted(date.getYear());
          });
    }
    input.sendKeys(keys);
    if (!date.toString().equals(input.getDomProperty("value"))) {
      driver.executeScript(
          "arguments[0].value = arguments[1];"
              + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
          input,
          date.toString());
    }
    assertThat(input.getDomProperty("value")).isEqualTo(date.toString());
  }

  private static WebElement questionCard(String text) {
    return page.until(
        d ->
            d.findElements(By.cssSelector("#queue li.question")).stream()
                .filter(li -> li.findElement(By.cssSelector(".text")).getText().equals(text))
                .findFirst()
                .orElse(null));
  }

  private static Function<WebDriver, Boolean> gone(String text) {
    return d -> {
      try {
        return d.findElements(By.cssSelector("#queue li.question .text")).stream()
            .noneMatch(p -> p.getText().equals(text));
      } catch (StaleElementReferenceException reloading) {
        return false;
      }
    };
  }

  /**
   * Waits for the FAQ of the project to show this many groups and questions, refreshing while it
   * does not (the report follows the questions' events), and for no load to be under way.
   */
  private static void awaitGroups(int groups, int questions) {
    String expected = "Групп: " + groups + ", вопросов: " + questions;
    browser
        .waiting(EVENTS)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(
            () ->
                "FAQ shows «" + driver.findElement(By.id("total")).getText() + "», not " + expected)
        .until(
            d -> {
              if ("true".equals(d.findElement(By.id("groups")).getDomAttribute("aria-busy"))) {
                return false;
              }
              if (d.findElement(By.id("total")).getText().equals(expected)) {
                return true;
              }
              d.findElement(By.id("refresh")).click();
              return false;
            });
  }

  private static WebElement groupCounting(int count) {
    return page.until(
        d ->
            d.findElements(By.cssSelector("#groups li.faq-group")).stream()
                .filter(
                    g ->
                        g.findElement(By.cssSelector(".meta"))
                            .getText()
                            .contains("вопросов: " + count))
                .findFirst()
                .orElse(null));
  }

  private static WebElement questionInGroup(String text) {
    return page.until(
        d ->
            d.findElements(By.cssSelector("#groups ul.questions > li.question")).stream()
                .filter(li -> li.findElement(By.cssSelector(".text")).getText().equals(text))
                .findFirst()
                .orElse(null));
  }

  private static String forum(String forumId) {
    return system.get(system.registration + "/api/forums/" + forumId, Map.of()).body();
  }

  private static String firstDistrict(String forumId) {
    return BrowserEndToEndTest.field(
        forum(forumId).replaceAll(".*\"districts\"\\s*:\\s*\\[", ""), "code");
  }

  // ---- page weights

  /**
   * Bytes transferred for a first visit to each participant page: the browser cache is emptied
   * before each, then the navigation and every resource it fetched (HTML, CSS, scripts, JSON, the
   * QR ticket) are summed as Resource Timing reports them (transferSize: compressed body plus
   * headers). Written to target/screenshots/page-weights-first-load.txt for the README table.
   */
  private static void measurePageWeights(String forumId, String code) {
    List<String> lines = new ArrayList<>();
    String q = "?forum=" + forumId;
    lines.add(weigh("index", "/index.html", "#forums li"));
    lines.add(
        weigh(
            "register",
            "/register.html" + q,
            "#register-form:not([hidden]) #district option:nth-child(13)"));
    lines.add(weigh("ask", "/ask.html" + q, "#my-questions li"));
    lines.add(weigh("wall", "/wall.html" + q, "#wall-form:not([hidden])"));
    lines.add(weigh("me", "/me.html#forum=" + forumId + "&code=" + code, "#ticket:not([hidden])"));
    try {
      Files.write(Browser.SCREENSHOTS.resolve("page-weights-first-load.txt"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String weigh(String name, String path, String readySelector) {
    driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
    driver.get(system.web + path);
    page.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.ready")));
    page.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(readySelector)));
    // Settled: no request started or finished since the previous look.
    long[] previous = {-1};
    page.pollingEvery(Duration.ofMillis(400))
        .until(
            d -> {
              long now =
                  ((Number)
                          driver.executeScript(
                              "return performance.getEntriesByType('resource')"
                                  + ".filter(e => e.responseEnd > 0).length;"))
                      .longValue();
              boolean same = now == previous[0];
              previous[0] = now;
              return same;
            });
    page.pollingEvery(Duration.ofMillis(500));
    @SuppressWarnings("unchecked")
    Map<String, Object> sums =
        (Map<String, Object>)
            driver.executeScript(
                "const all = performance.getEntriesByType('navigation')"
                    + ".concat(performance.getEntriesByType('resource'));"
                    + "return {requests: all.length,"
                    + " transfer: all.reduce((s, e) => s + (e.transferSize || 0), 0),"
                    + " body: all.reduce((s, e) => s + (e.encodedBodySize || 0), 0),"
                    + " decoded: all.reduce((s, e) => s + (e.decodedBodySize || 0), 0)};");
    long transfer = ((Number) sums.get("transfer")).longValue();
    String line =
        "%s requests=%s transferred=%d body=%s uncompressed=%s"
            .formatted(name, sums.get("requests"), transfer, sums.get("body"), sums.get("decoded"));
    System.out.println("page weight: " + line);
    // Nothing served from the cache (the cache was emptied), and far below a slow 3G budget.
    assertThat(transfer).as(line).isGreaterThan(5_000).isLessThan(150_000);
    return line;
  }
}
