package dev.linkport.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium, with waits that understand Vaadin (which renders after
 * the page has loaded). One per test class: start it in {@code @BeforeAll}, quit it in
 * {@code @AfterAll}.
 */
public final class Browser implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String baseUrl;

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    public static Browser start(int port) {
        ChromeOptions options = new ChromeOptions();
        String binary = System.getProperty("linkport.chromium", "/usr/bin/chromium");
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("linkport.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + (path.startsWith("/") ? path : "/" + path));
    }

    /** The path of the open page on Linkport, or "" while the browser shows no Linkport page. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url == null || !url.startsWith(baseUrl) ? "" : url.substring(baseUrl.length());
    }

    /** Signs in through the login form, starting from whatever page is open (or /login). */
    public void signIn(String username, String password) {
        if (!path().startsWith("/login")) {
            open("/login");
        }
        WebElement user = waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
        user.clear();
        user.sendKeys(username);
        WebElement pass = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        pass.clear();
        pass.sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
    }

    public void signOut() {
        driver.manage().deleteAllCookies();
        open("/login");
    }

    public WebElement waitFor(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Waits for the condition; on time-out saves a screenshot and the page source for diagnosis. */
    public <T> T until(Function<? super WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, TIMEOUT).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            Path shot = screenshot("timeout-" + System.currentTimeMillis());
            try {
                Files.writeString(Path.of(shot.toString().replace(".png", ".html")), driver.getPageSource());
            } catch (Exception ignored) {
                // the screenshot is what matters
            }
            throw new org.openqa.selenium.TimeoutException(e.getMessage() + " (at " + driver.getCurrentUrl()
                    + ", screenshot " + shot.toAbsolutePath() + ")", e);
        }
    }

    public void waitForPath(String path) {
        until(d -> path().equals(path) || path().startsWith(path + "?"));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a screenshot under target/screenshots, for looking at what a test saw. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
