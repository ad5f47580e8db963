package io.kcuserdata.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, through Debian's chromedriver (no driver download), with screenshots
 * saved under {@code target/screenshots/<folder>/}. A test is skipped, saying so, where the
 * packages are missing ({@code apt-get install chromium chromium-driver}).
 */
public final class Chromium implements AutoCloseable {

  private static final Path BROWSER = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path screenshots;
  private int shots;

  private Chromium(ChromeDriver driver, Path screenshots) {
    this.driver = driver;
    this.screenshots = screenshots;
  }

  public static Chromium start(String folder, String language) {
    Assumptions.assumeTrue(
        Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
        "Chromium is not installed (apt-get install chromium chromium-driver); test skipped");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1100,900",
        "--lang=" + language);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    Path dir = Path.of("target", "screenshots", folder);
    try {
      Files.createDirectories(dir);
      // A run's screenshots alone: numbering restarts, so older files would read as this run's.
      try (var old = Files.newDirectoryStream(dir, "*.png")) {
        for (Path file : old) {
          Files.delete(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Chromium(new ChromeDriver(service, options), dir);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * The page's size in CSS pixels, exactly (a window size includes the browser's own bars), so a
   * screenshot is {@code width × height}.
   */
  public void viewport(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        java.util.Map.of(
            "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
  }

  public WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  /** Saves what the browser shows as {@code NN-name.png}. */
  public Path screenshot(String name) {
    Path file = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
    try {
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
