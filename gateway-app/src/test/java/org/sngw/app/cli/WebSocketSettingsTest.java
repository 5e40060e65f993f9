package org.sngw.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.config.ConfigFile;
import org.sngw.config.GatewayConfig;
import org.sngw.config.ListenAddress;
import org.sngw.config.MqttTlsConfig;

/** {@code --websocket} and the config file's {@code websocket:} and {@code websocket-tls:}. */
class WebSocketSettingsTest {
  @TempDir Path dir;

  @Test
  void defaults_haveNoWebSocketListener() {
    assertThat(ConfigFile.defaults().websocket()).isEmpty();
    assertThat(ConfigFile.defaults().websocketTls()).isEmpty();
  }

  @Test
  void flag_setsTheListener() {
    assertThat(run("--websocket", "127.0.0.1:9001").websocket()).contains(new ListenAddress("127.0.0.1", 9001));
  }

  @Test
  void flag_overridesTheFilesKey_andKeepsItsTlsListener() throws IOException {
    Path cert = Files.writeString(dir.resolve("server.pem"), "");
    Path key = Files.writeString(dir.resolve("server.key"), "");
    Path file = write("""
        websocket: 0.0.0.0:9001
        websocket-tls:
          listen: 0.0.0.0:9443
          cert-file: %s
          key-file: %s
        """.formatted(cert, key));

    assertThat(run("--config", file.toString()).websocket()).contains(new ListenAddress("0.0.0.0", 9001));
    GatewayConfig flagged = run("--config", file.toString(), "--websocket", "127.0.0.1:9002");
    assertThat(flagged.websocket()).contains(new ListenAddress("127.0.0.1", 9002));
    assertThat(flagged.websocketTls()).contains(new MqttTlsConfig(new ListenAddress("0.0.0.0", 9443), cert, key,
        Optional.empty(), false, false, MqttTlsConfig.IdentityName.CN));
  }

  @Test
  void badAddress_isAUsageErrorNamingTheFlag() {
    ParseOutcome outcome = GatewayCommand.parse("--websocket", "nowhere");

    assertThat(outcome).isInstanceOfSatisfying(ParseOutcome.UsageError.class,
        error -> assertThat(error.message()).startsWith("--websocket: "));
  }

  @Test
  void websocketTlsWithoutItsCertificate_isAProblemNamingTheKey() throws IOException {
    Path file = write("websocket-tls:\n  listen: 127.0.0.1:9443\n");

    assertThat(GatewayCommand.parse("--config", file.toString())).isInstanceOfSatisfying(ParseOutcome.UsageError.class,
        error -> assertThat(error.message()).contains("websocket-tls.cert-file", "websocket-tls.key-file"));
  }

  @Test
  void help_listsTheFlag() {
    assertThat(GatewayCommand.parse("--help")).isInstanceOfSatisfying(ParseOutcome.Print.class,
        help -> assertThat(help.text()).contains("--websocket=HOST:PORT", "ws://HOST:PORT/mqtt"));
  }

  private static GatewayConfig run(String... args) {
    ParseOutcome outcome = GatewayCommand.parse(args);
    assertThat(outcome).isInstanceOf(ParseOutcome.Run.class);
    return ((ParseOutcome.Run) outcome).config();
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("gateway.yaml"), yaml);
  }
}
