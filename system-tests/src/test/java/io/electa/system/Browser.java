package io.electa.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for browser tests: Debian's chromium and chromedriver (.ci/run installs
 * them where missing), never a browser or driver downloaded at run time, with a fresh profile and
 * nothing that reaches out to the network on its own.
 */
final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where each browser gets its fresh profile: under target/, so the build's clean removes them. */
    private static final Path PROFILES = Path.of("target", "chromium-profiles");

    private Browser() {
    }

    /** A new headless Chromium, JavaScript on or off. */
    static ChromeDriver start(boolean javascript) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver packages "
                    + "(apt-get install -y chromium chromium-driver; .ci/run installs them)");
        }
        Path profile;
        try {
            Files.createDirectories(PROFILES);
            profile = Files.createTempDirectory(PROFILES, "profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1400", "--user-data-dir=" + profile);
        if (!javascript) {
            options.addArguments("--blink-settings=scriptEnabled=false");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
