package dev.linkport.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
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
 * the page has loaded, and re-renders whenever the server says so). One per test class: start it
 * in {@code @BeforeAll}, quit it in {@code @AfterAll}.
 *
 * <p>Vaadin may replace any element between two WebDriver calls, and a busy machine makes that
 * likely. So tests act through {@link #click}, {@link #type}, {@link #fill}, {@link #text},
 * {@link #read} and {@link #clickGridRow}: they find the element again for every attempt and wait
 * until it can take the action (shown, enabled, not in a grid that is loading, not covered, no
 * request to the server under way). Never keep a {@link WebElement} for later, never wait for a
 * fixed time.
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
        fill(By.cssSelector("vaadin-login-form input[name='username']"), username);
        fill(By.cssSelector("vaadin-login-form input[name='password']"), password);
        click(By.cssSelector("vaadin-login-form vaadin-button"));
    }

    public void signOut() {
        driver.manage().deleteAllCookies();
        open("/login");
    }

    /**
     * Waits until the element is shown and returns it. Use it at once, for one call: Vaadin may
     * replace it any time. To act on an element or read it, use {@link #click}, {@link #type},
     * {@link #text} or {@link #read}.
     */
    public WebElement waitFor(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** The shown elements found by {@code by}, at one moment (possibly none). */
    public List<WebElement> displayed(By by) {
        return until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).toList());
    }

    /**
     * Clicks the element once it is clickable: shown, enabled, not in a grid that is loading or in a
     * row that is not rendered, not covered by another element, and the server has answered every
     * request sent before. Scrolls it to the middle of the window first (forms are longer than the
     * window). Finds it again on every attempt, so a re-render in between does not matter.
     */
    public void click(By by) {
        click(by.toString(), d -> shown(d, by));
    }

    /** As {@link #click(By)}, for an element found by code; {@code find} may return null while there is none. */
    public void click(String description, Function<WebDriver, WebElement> find) {
        until(described("clickable " + description, d -> {
            if (!serverIdle()) {
                return false;
            }
            WebElement element = find.apply(d);
            if (element == null || !ready(element)) {
                return false;
            }
            js("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
            try {
                element.click();
                return true;
            } catch (ElementNotInteractableException notYet) {
                return false; // covered (by a notification, a closing dialog) or not laid out yet: WebDriver did not click
            }
        }));
    }

    /** Clicks the first row of the grid that contains the text, once the grid has loaded and rendered it. */
    public void clickGridRow(String gridId, String text) {
        click("row with '" + text + "' in #" + gridId, d -> gridCell(gridId, text));
    }

    /** Waits until the grid has loaded and renders a row that contains the text. */
    public void waitForGridRow(String gridId, String text) {
        until(described("row with '" + text + "' in #" + gridId, d -> gridCell(gridId, text) != null));
    }

    /**
     * The text of each row the grid renders (its cells' texts joined by tabs), once it has loaded
     * them. Rows the grid hides to reuse them later are left out.
     */
    @SuppressWarnings("unchecked")
    public List<String> gridRows(String gridId) {
        return until(described("loaded #" + gridId, d -> (List<String>) js(GRID_ROWS, gridId)));
    }

    /** Types into the element (after what it holds) once it is shown and enabled. */
    public void type(By by, CharSequence... keys) {
        until(described("typeable " + by, d -> {
            WebElement element = shown(d, by);
            if (element == null || !ready(element)) {
                return false;
            }
            try {
                element.sendKeys(keys);
                return true;
            } catch (ElementNotInteractableException notYet) {
                return false; // refused before any key was typed
            }
        }));
    }

    /** Clears the field, then types the text into it. */
    public void fill(By by, String text) {
        until(described("fillable " + by, d -> {
            WebElement element = shown(d, by);
            if (element == null || !ready(element)) {
                return false;
            }
            try {
                element.clear();
                element.sendKeys(text);
                return true;
            } catch (ElementNotInteractableException notYet) {
                return false; // the next attempt clears it again
            }
        }));
    }

    /** The text of the element once it is shown. */
    public String text(By by) {
        return read(by, WebElement::getText);
    }

    /** The attribute of the element once it is shown; null if it has none. */
    public String attribute(By by, String name) {
        return read(by, e -> e.getAttribute(name));
    }

    /**
     * Reads from the element once it is shown, in one go: if Vaadin replaces it meanwhile, finds it
     * again and reads again. {@code reader} may return null.
     */
    public <T> T read(By by, Function<WebElement, T> reader) {
        return until(described("shown " + by, d -> {
            WebElement element = shown(d, by);
            return element == null ? null : Optional.ofNullable(reader.apply(element));
        })).orElse(null);
    }

    /** The first shown element that {@code by} finds, or null; Vaadin keeps hidden copies of some (in dialogs, grids). */
    private static WebElement shown(WebDriver driver, By by) {
        return driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    /** Waits until the browser has no request to the server under way or queued: the round trip has finished. */
    public void waitForServer() {
        until(described("server round trip finished", d -> serverIdle()));
    }

    private boolean serverIdle() {
        return Boolean.TRUE.equals(js("""
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                return !clients || Object.values(clients)
                    .every(c => !c || typeof c.isActive !== 'function' || !c.isActive());"""));
    }

    private boolean ready(WebElement element) {
        return element.isDisplayed() && element.isEnabled() && Boolean.TRUE.equals(js(READY, element));
    }

    /**
     * Whether an element that WebDriver finds shown and enabled is ready for the user too: no
     * disabled or read-only ancestor (Vaadin disables the host element, WebDriver looks only at form
     * controls), and in a grid, the grid is not loading and the element's row is rendered.
     */
    private static final String READY = """
            const e = arguments[0];
            if (!e.isConnected || e.closest('[disabled], [aria-disabled="true"], [readonly]')) return false;
            const grid = e.closest('vaadin-grid');
            if (!grid) return true;
            if (grid.hasAttribute('loading')) return false;
            const content = e.closest('vaadin-grid-cell-content');
            if (!content) return true;
            const row = content.assignedSlot && content.assignedSlot.parentElement
                && content.assignedSlot.parentElement.parentElement;
            return !!row && !row.hidden && !row.hasAttribute('loading');""";

    /** Defines {@code rows}, the grid's rendered body rows in order, and {@code cellsOf(row)}; null while loading. */
    private static final String RENDERED_ROWS = """
            const grid = document.getElementById(arguments[0]);
            if (!grid || !grid.$ || !grid.$.items || grid.hasAttribute('loading')) return null;
            const rows = Array.from(grid.$.items.children).filter(r => !r.hidden).sort((a, b) => a.index - b.index);
            if (rows.some(r => r.hasAttribute('loading'))) return null;
            const contents = Array.from(grid.querySelectorAll('vaadin-grid-cell-content'));
            const cellsOf = r => contents.filter(c => c.assignedSlot && c.assignedSlot.parentElement
                && c.assignedSlot.parentElement.parentElement === r);
            """;

    private static final String GRID_ROWS = RENDERED_ROWS + """
            return rows.map(r => cellsOf(r).map(c => c.innerText.trim()).join('\\t'));""";

    private static final String GRID_CELL = RENDERED_ROWS + """
            for (const r of rows) {
              const cells = cellsOf(r);
              if (cells.some(c => c.innerText.includes(arguments[1]))) return cells[0];
            }
            return null;""";

    private WebElement gridCell(String gridId, String text) {
        return (WebElement) js(GRID_CELL, gridId, text);
    }

    /** The condition, named for the time-out message. */
    private static <T> Function<WebDriver, T> described(String description, Function<WebDriver, T> condition) {
        return new Function<>() {
            @Override
            public T apply(WebDriver driver) {
                return condition.apply(driver);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /**
     * Waits for the condition; on time-out saves a screenshot and the page source for diagnosis.
     * A condition that meets an element Vaadin has just replaced is simply asked again.
     */
    public <T> T until(Function<? super WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class).until(condition);
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
