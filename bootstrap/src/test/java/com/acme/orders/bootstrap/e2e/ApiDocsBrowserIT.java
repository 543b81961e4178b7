package com.acme.orders.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
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
 * /docs and /redoc in a real headless Chromium (Debian's chromium and chromium-driver): Swagger UI authorizes with a
 * fresh token and runs "GET /orders" through "Try it out"; ReDoc shows every operation. Neither page loads anything
 * from another origin, and the content security policy reports no violation. A screenshot of each page is saved under
 * bootstrap/target/screenshots. Without Chromium the test is skipped, saying so.
 */
class ApiDocsBrowserIT extends ServiceTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private WebDriver browser;
    private Path profile;

    @BeforeAll
    void openBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            abort("headless Chromium is not installed (" + CHROMIUM + " and " + CHROMEDRIVER + ", Debian packages "
                    + "chromium and chromium-driver; api-tools/prepare installs them as root). The browser test is "
                    + "skipped, not passed.");
        }
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1280,1600",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void swagger_ui_authorizes_with_a_fresh_token_and_lists_the_callers_orders_through_try_it_out() throws IOException {
        String token = api.newUserToken();
        api.placeOrder(token, "Browser-tested laptop", "999.99");

        browser.get(api.base() + "/docs");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".info .title"), "Order Service API"));

        browser.findElement(By.cssSelector("button.authorize")).click();
        WebElement tokenField = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".modal-ux input[type=text], .modal-ux input[type=password]")));
        tokenField.sendKeys(token);
        browser.findElement(By.cssSelector(".modal-ux button.modal-btn.auth.authorize"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux button.btn-done")))
                .click();

        WebElement listOrders = browser.findElement(By.id("operations-orders-listOrders"));
        listOrders.findElement(By.cssSelector(".opblock-summary-control")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#operations-orders-listOrders button.try-out__btn")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#operations-orders-listOrders button.execute")))
                .click();
        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#operations-orders-listOrders .live-responses-table .response .response-col_status")));

        assertThat(status.getText().strip()).isEqualTo("200");
        assertThat(listOrders
                        .findElement(By.cssSelector(".live-responses-table .response .response-col_description"))
                        .getText())
                .contains("Browser-tested laptop");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", status);
        screenshot("docs.png");
        assertNothingLoadedFromElsewhere("/docs");
    }

    @Test
    void redoc_shows_every_documented_operation() throws IOException {
        int operations =
                DocumentedOperation.all(api.get("/openapi.json", null).json()).size();

        browser.get(api.base() + "/redoc");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(driver -> driver.findElements(By.cssSelector("[data-section-id^='operation/']"))
                        .size()
                >= operations);

        assertThat(browser.findElements(By.cssSelector("[data-section-id^='operation/']")))
                .hasSize(operations);
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("Place an order", "List the caller's orders, newest first", "Cancel a pending order");
        screenshot("redoc.png");
        assertNothingLoadedFromElsewhere("/redoc");
    }

    private void assertNothingLoadedFromElsewhere(String page) {
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) ((JavascriptExecutor) browser)
                .executeScript("return performance.getEntriesByType('resource').map(entry => entry.name);");
        assertThat(loaded)
                .as("what " + page + " loaded")
                .isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith(api.base() + "/"));
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("ERR_"))
                .toList();
        assertThat(violations).as("what the browser reported on " + page).isEmpty();
    }

    private void screenshot(String name) throws IOException {
        Path directory = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(directory);
        Path file = directory.resolve(name);
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        System.out.println("Saved the screenshot " + file.toAbsolutePath());
    }
}
