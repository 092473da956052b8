package dev.linkport.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of browser tests: one headless Chromium per test class, started before its first test
 * and quit after its last; every test starts signed out.
 */
public abstract class BrowserTest {

    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @BeforeEach
    void startBrowserOnceAndSignOut() {
        if (browser == null) {
            browser = Browser.start(port);
        }
        browser.signOut();
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
