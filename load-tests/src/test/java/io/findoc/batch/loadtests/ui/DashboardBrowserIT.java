package io.findoc.batch.loadtests.ui;

import static io.findoc.batch.loadtests.TestHost.deleteRecursively;
import static io.findoc.batch.loadtests.TestHost.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.findoc.batch.loadtests.Launcher;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's chromium through chromedriver, headless) against the
 * real stack ({@code ./findoc up}: broker, PostgreSQL, coordinator, a worker, as processes): sign
 * in with the key, submit documents from the submit page, watch the progress move without a reload,
 * pause and resume it from its page, retry its failure group from the page once it finished with an
 * error, see it complete and the actions in the audit trail; labels and keyboard focus checked,
 * axe-core finding no serious or critical violation on six pages, no Content-Security-Policy
 * violation in the console. A screenshot and the page's HTML are kept under {@code
 * target/dashboard-browser/} when a case fails. Skipped, loudly, where no chromium and chromedriver
 * can be found ({@code ./findoc test} installs them as root where apt is available).
 */
@ExtendWith(DashboardBrowserIT.Evidence.class)
class DashboardBrowserIT {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path TARGET = ROOT.resolve("load-tests/target");
  private static final Path VAR = TARGET.resolve("dashboard-e2e-var");
  private static final Path WORK = TARGET.resolve("dashboard-browser");
  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final Map<String, String> STACK = new HashMap<>();
  private static boolean stackUp;
  private static WebDriver browser;
  private static String base;
  private static String key;

  @BeforeAll
  static void up() throws IOException {
    boolean available = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    if (!available) {
      System.err.println(
          "\n\n  *** DashboardBrowserIT SKIPPED: no /usr/bin/chromium and /usr/bin/chromedriver."
              + " Install them with 'apt-get install -y chromium chromium-driver' (./findoc test"
              + " does it as root). ***\n");
    }
    assumeTrue(available, "chromium and chromedriver are needed for the browser test");
    deleteRecursively(VAR);
    deleteRecursively(WORK);
    Files.createDirectories(WORK);
    int api = freePort();
    STACK.put("FINDOC_VAR", VAR.toString());
    STACK.put("FINDOC_SKIP_BUILD", "1");
    STACK.put("FINDOC_WORKER_WARMUP", "0s");
    // Two threads: the job's 20 tasks of 1.5 s take 15 s, long enough to pause it while it runs.
    STACK.put("FINDOC_WORKER_THREADS", "2");
    STACK.put("FINDOC_COORDINATOR_PORT", Integer.toString(api));
    STACK.put("FINDOC_KAFKA_PORT", Integer.toString(freePort()));
    STACK.put("FINDOC_KAFKA_CONTROLLER_PORT", Integer.toString(freePort()));
    STACK.put("FINDOC_PG_PORT", Integer.toString(freePort()));
    stackUp = true;
    assertThat(launcher("up", "--workers", "1")).as("./findoc up").isZero();
    key = Files.readString(VAR.resolve("demo-key")).strip();
    base = "http://127.0.0.1:" + api + "/ui/";
    browser = chromium();
  }

  @AfterAll
  static void down() {
    if (browser != null) {
      browser.quit();
    }
    if (stackUp) {
      assertThat(launcher("down")).as("./findoc down").isZero();
    }
  }

  @Test
  void anOperatorSubmitsWatchesTheJobLiveAndFindsItAudited() throws IOException {
    signIn();

    List<String> paths = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      Path document = WORK.resolve(String.format("statement-%02d.txt", i));
      Files.writeString(
          document,
          "Statement " + i + "\nOpening balance 1,000.00 EUR\nClosing balance 1,000.00 EUR\n");
      paths.add(document.toString());
    }
    browser.get(base + "submit");
    assertEveryFieldIsLabelled();
    assertNoSeriousAccessibilityViolation("submit");
    browser.findElement(By.id("files")).sendKeys(String.join("\n", paths));
    wait(10).until(d -> d.findElements(By.cssSelector("#chosen li")).size() == paths.size());
    browser.findElement(By.id("job-name")).sendKeys("browser statements");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("processor")))
        .selectByValue("simulate");
    // statement-03 fails its first attempt for good: a failure group to retry from the page.
    browser
        .findElement(By.id("options"))
        .sendKeys(
            "{\"sleepMs\":1500,\"failure\":\"permanent\","
                + "\"failUntilAttempt\":{\"statement-03.txt\":1}}");
    browser.findElement(By.cssSelector("#submit-form button[type=submit]")).click();

    wait(30).until(ExpectedConditions.urlMatches(".*/ui/jobs/[0-9a-f-]{36}$"));
    String jobPage = browser.getCurrentUrl();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("browser statements");
    WebElement live = browser.findElement(By.id("live-title"));
    WebElement percent = browser.findElement(By.cssSelector("[data-field=percentDone]"));
    wait(60)
        .until(
            d -> {
              double done = Double.parseDouble(percent.getText().replace("%", ""));
              return done > 0 && done < 100;
            });
    assertThat(live.isDisplayed()).as("the same page, not reloaded").isTrue();

    click("#job-head button", "Pause");
    wait(20).until(d -> state().equals("PAUSED"));
    click("#job-head button", "Resume");
    wait(20).until(d -> !state().equals("PAUSED"));

    wait(90).until(d -> state().equals("COMPLETED_WITH_ERRORS"));
    assertThat(browser.findElement(By.cssSelector("[data-field='counts.failed']")).getText())
        .isEqualTo("1");
    browser.get(jobPage);
    assertNoSeriousAccessibilityViolation("job");
    click("#groups button", "Retry this group");
    wait(10)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("groups")).getText().contains("1 task(s) sent again."));
    wait(60).until(d -> state().equals("COMPLETED"));
    assertThat(Double.parseDouble(percent().getText().replace("%", ""))).isEqualTo(100.0);
    assertThat(browser.findElement(By.cssSelector("[data-field='counts.succeeded']")).getText())
        .isEqualTo("20");

    browser.get(base + "jobs?name=browser");
    assertEveryFieldIsLabelled();
    assertNoSeriousAccessibilityViolation("jobs");
    assertThat(browser.findElement(By.id("results")).getText()).contains("browser statements");

    browser.get(base);
    assertNoSeriousAccessibilityViolation("overview");
    browser.get(base + "workers");
    assertNoSeriousAccessibilityViolation("workers");
    browser.get(base + "audit");
    assertNoSeriousAccessibilityViolation("audit");
    String audit = browser.findElement(By.tagName("table")).getText();
    assertThat(audit)
        .contains(
            "UI submit",
            "browser statements (count 20)",
            "UI pause",
            "UI resume",
            "UI retry group");
    assertNoPolicyViolation();
  }

  /** Clicks the button of that text in that region, as a person would, once it is there. */
  private static void click(String selector, String text) {
    wait(10)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              for (WebElement button : d.findElements(By.cssSelector(selector))) {
                if (button.getText().equals(text) && button.isEnabled()) {
                  button.click();
                  return true;
                }
              }
              return false;
            });
  }

  private static WebElement percent() {
    return browser.findElement(By.cssSelector("[data-field=percentDone]"));
  }

  private static void signIn() {
    browser.get(base);
    wait(10).until(ExpectedConditions.urlContains("/ui/login"));
    WebElement field = browser.findElement(By.id("key"));
    assertThat(browser.findElement(By.cssSelector("label[for=key]")).getText())
        .isEqualTo("API key");
    assertThat(browser.switchTo().activeElement())
        .as("the key field has the focus")
        .isEqualTo(field);
    field.sendKeys(key);
    field.sendKeys(Keys.TAB);
    WebElement focused = browser.switchTo().activeElement();
    assertThat(focused.getTagName()).isEqualTo("button");
    assertThat(focused.getText()).isEqualTo("Sign in");
    focused.sendKeys(Keys.ENTER);
    wait(10).until(d -> d.findElement(By.tagName("h1")).getText().equals("Overview"));
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getText())
        .as("the first tab stop skips to the content")
        .isEqualTo("Skip to content");
  }

  /** The job's state as its heading shows it (htmx replaces the heading when it changes). */
  private static String state() {
    return wait(10)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.cssSelector("#job-head .state")).getText());
  }

  /** Every visible input and select has a label: a label for it, or one around it. */
  private static void assertEveryFieldIsLabelled() {
    for (WebElement field : browser.findElements(By.cssSelector("input, select"))) {
      if ("hidden".equals(field.getAttribute("type"))) {
        continue;
      }
      String id = field.getAttribute("id");
      boolean labelled =
          (id != null
                  && !id.isEmpty()
                  && !browser.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty())
              || !field.findElements(By.xpath("ancestor::label")).isEmpty();
      assertThat(labelled).as("field %s is labelled", field.getAttribute("name")).isTrue();
    }
  }

  /**
   * axe-core (the axe.min.js of Deque's axe-core jar, injected through WebDriver, so no
   * Content-Security-Policy applies to it) finds no serious or critical violation on the page.
   */
  private static void assertNoSeriousAccessibilityViolation(String page) {
    JavascriptExecutor script = (JavascriptExecutor) browser;
    script.executeScript(AXE.get());
    Object found =
        script.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.filter(function (v) {"
                + "    return v.impact === 'serious' || v.impact === 'critical'; })"
                + "  .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                + "    + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
                + "}).catch(function (e) { done(['axe failed: ' + e]); });");
    assertThat((List<?>) found).as("accessibility violations on the %s page", page).isEmpty();
  }

  private static void assertNoPolicyViolation() {
    List<String> violations =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
            .toList();
    assertThat(violations).isEmpty();
  }

  private static final java.util.function.Supplier<String> AXE =
      new java.util.function.Supplier<>() {
        private String script;

        @Override
        public synchronized String get() {
          if (script == null) {
            try (var in = DashboardBrowserIT.class.getResourceAsStream("/axe.min.js")) {
              assertThat(in).as("axe.min.js of com.deque.html.axe-core:selenium").isNotNull();
              script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          return script;
        }
      };

  private static WebDriverWait wait(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }

  private static WebDriver chromium() throws IOException {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .withLogFile(WORK.resolve("chromedriver.log").toFile())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + Files.createTempDirectory(WORK, "profile-"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /** Keeps a screenshot and the page of a failed case under target/dashboard-browser/. */
  static final class Evidence implements TestWatcher {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (browser == null) {
        return;
      }
      try {
        String name = context.getDisplayName().replaceAll("[^A-Za-z0-9]", "");
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), WORK.resolve(name + ".png"));
        Files.writeString(WORK.resolve(name + ".html"), browser.getPageSource());
        Files.write(
            WORK.resolve(name + ".console.log"),
            browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::toString)
                .toList());
        System.err.println("Screenshot of the failure: " + WORK.resolve(name + ".png"));
      } catch (IOException | RuntimeException e) {
        System.err.println("Could not keep a screenshot of the failure: " + e);
      }
    }
  }

  private static int launcher(String... args) {
    return Launcher.run(ROOT, STACK, Duration.ofMinutes(5), args);
  }
}
