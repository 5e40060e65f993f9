package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.sngw.RequiredTool;
import org.sngw.config.ListenAddress;
import org.sngw.config.StatusConfig;
import org.sngw.sn.codec.SnPacket;

/**
 * The status page in a real browser: Debian's chromium, headless, driven by Selenium through
 * Debian's chromedriver, watches the page while MQTT-SN sensors talk to the gateway over real UDP.
 * Screenshots of a desktop and of a phone screen are left in {@code target/} as evidence.
 */
class StatusPageBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private Gateway gateway;
  private ChromeDriver browser;
  private final ExecutorService publisher = Executors.newSingleThreadExecutor();
  private final AtomicBoolean publishing = new AtomicBoolean(true);

  @BeforeEach
  void start() throws Exception {
    RequiredTool.require(Files.isExecutable(CHROMIUM), "chromium", "chromium");
    RequiredTool.require(Files.isExecutable(CHROMEDRIVER), "chromedriver", "chromium-driver");
    gateway = Gateway.start(LoopbackConfig.with(dir.resolve("data"))
        .withStatus(Optional.of(new StatusConfig(new ListenAddress("127.0.0.1", 0), Optional.empty()))));
    browser = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogFile(new File("target/chromedriver.log"))
        .build(), headlessChromium(dir.resolve("profile")));
  }

  /** The flags a closed network needs: without them chromium keeps trying to reach Google. */
  private static ChromeOptions headlessChromium(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1280,1100");
    return options;
  }

  @AfterEach
  void stop() {
    publishing.set(false);
    publisher.shutdownNow();
    if (browser != null) {
      browser.quit();
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void page_showsTheSensorsTheirValuesAndARisingRate_andASensorGoingToSleepChangesItsRow() throws Exception {
    try (SnTestClient kitchen = new SnTestClient(gateway.snAddress());
        SnTestClient cellar = new SnTestClient(gateway.snAddress())) {
      kitchen.connect("kitchen", 60);
      int temperature = kitchen.register("sensors/kitchen/temperature");
      cellar.connect("cellar", 60);
      cellar.publishQos1(cellar.register("sensors/cellar/humidity"), "81".getBytes(StandardCharsets.UTF_8));

      browser.get("http://127.0.0.1:" + gateway.statusAddress().getPort() + "/");
      await().atMost(WAIT).untilAsserted(() -> {
        assertThat(liveText()).isEqualTo("live");
        assertThat(rateIn()).as("nothing published yet").isEqualTo(0.0);
      });

      publisher.execute(() -> {
        for (int i = 0; publishing.get(); i++) {
          kitchen.publishQos1(temperature, String.format(Locale.ROOT, "%.1f", 20 + i % 10 / 10.0)
              .getBytes(StandardCharsets.UTF_8));
          sleep(Duration.ofMillis(50));
        }
      });

      await().atMost(WAIT).untilAsserted(() -> {
        assertThat(row("kitchen")).containsEntry("state", "active");
        assertThat(row("kitchen").get("topics")).contains("sensors/kitchen/temperature = 20.");
        assertThat(row("cellar")).containsEntry("state", "active")
            .containsEntry("address", "udp:127.0.0.1:" + cellar.localAddress().getPort());
        assertThat(rateIn()).as("the kitchen's publishes show in the rate").isGreaterThan(1.0);
      });
      assertThat(browser.findElement(By.id("chart")).findElements(By.tagName("polyline"))).hasSize(2);

      cellar.send(new SnPacket.Disconnect(OptionalInt.of(600)));
      cellar.receive();

      await().atMost(WAIT).untilAsserted(() -> {
        assertThat(row("cellar")).containsEntry("state", "asleep").containsEntry("badge", "asleep");
        assertThat(row("kitchen")).containsEntry("state", "active");
      });
      screenshot("status-page.png");

      browser.manage().window().setSize(new Dimension(390, 844));
      await().atMost(WAIT).untilAsserted(() ->
          assertThat(row("kitchen")).containsEntry("badgeShown", "true"));
      screenshot("status-page-phone.png");
    }
  }

  private String liveText() {
    return browser.findElement(By.id("live")).getText();
  }

  private double rateIn() {
    String text = browser.findElement(By.id("rate-in")).getText();
    // a dash until the gateway has two samples to tell a rate from
    return text.equals("–") ? -1 : Double.parseDouble(text);
  }

  /**
   * A sensor's row, read in one script: the page replaces its rows with each document, so an
   * element found before may be gone by the next call.
   */
  @SuppressWarnings("unchecked")
  private Map<String, String> row(String clientId) {
    Object row = browser.executeScript("""
        const rows = document.querySelectorAll(`tr[data-client='${arguments[0]}']`);
        if (rows.length !== 1) return {rows: String(rows.length)};
        const r = rows[0], badge = r.querySelector('.state');
        return {rows: '1', state: r.dataset.state, address: r.querySelector('td.address').textContent,
          topics: r.querySelector('td.topics').textContent, badge: badge.textContent,
          badgeShown: String(badge.getBoundingClientRect().width > 0)};
        """, clientId);
    Map<String, String> cells = (Map<String, String>) row;
    assertThat(cells).as("the row of " + clientId).containsEntry("rows", "1");
    return cells;
  }

  private void screenshot(String name) throws Exception {
    Path target = Path.of("target", name);
    Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    assertThat(Files.size(target)).isPositive();
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
