package com.movierec.e2e.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver, started headless and offline. Both binaries are named explicitly, so Selenium
 * Manager (which would go to the network for a driver) is never used.
 */
final class HeadlessChromium {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * Selenium warns on every start that it has no DevTools (CDP) bindings for this Chromium's version; the tests
     * use WebDriver only, never CDP. Held here so the level set is not lost when the logger is collected.
     */
    private static final List<Logger> QUIETENED = List.of(Logger.getLogger("org.openqa.selenium.devtools"),
            Logger.getLogger("org.openqa.selenium.chromium"));

    static {
        QUIETENED.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    private HeadlessChromium() {
    }

    /** @throws AssertionError in one sentence saying what to install, when a binary is missing */
    static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                missing.add(binary.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("The web page test needs Debian's headless Chromium and its driver, but "
                    + String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " missing: install them with `apt-get install chromium chromium-driver` (as root).");
        }
    }

    /** A browser with a fresh profile in {@code profileDir}, a desktop-sized window, nothing in the background. */
    static ChromeDriver start(Path profileDir, int width, int height) {
        requireInstalled();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--disable-extensions",
                "--hide-scrollbars",
                "--lang=en-US",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }

    /** Quits the browser, then closes what it was testing (the local product), whichever fails. */
    static void quitThenClose(ChromeDriver driver, AutoCloseable product) throws Exception {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (product != null) {
                product.close();
            }
        }
    }

    /** A screenshot and the HTML of a failed test's page, in {@code target/web-page-failures/}. */
    static void saveEvidence(ChromeDriver driver, String testName) {
        if (driver == null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of("target", "web-page-failures"));
            String name = testName.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"),
                    java.util.Optional.ofNullable(driver.getPageSource()).orElse(""),
                    java.nio.charset.StandardCharsets.UTF_8);
            System.err.println("screenshot and HTML of the failed test " + testName + " in " + dir.toAbsolutePath());
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("could not save the failed test's screenshot: " + e);
        }
    }
}
