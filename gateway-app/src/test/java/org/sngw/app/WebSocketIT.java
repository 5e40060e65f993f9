package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.app.cli.ParseOutcome;
import org.sngw.app.cli.PasswdCommand;
import org.sngw.config.ConfigFile;
import org.sngw.runtime.StartException;
import org.sngw.sn.codec.ReturnCode;

/**
 * MQTT over WebSocket with a client nobody here wrote, Debian's paho-mqtt for python: it meets
 * MQTT-SN sensors over UDP and mosquitto clients over TCP in the one broker.
 */
class WebSocketIT {
  @TempDir Path dir;
  private Gateway gateway;

  @BeforeEach
  void start() throws Exception {
    PahoWebSocket.require();
    gateway = startGateway("websocket: 127.0.0.1:0\n");
  }

  private Gateway startGateway(String listeners) throws Exception {
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        udp: 127.0.0.1:0
        mqtt: 127.0.0.1:0
        data-dir: %s
        """.formatted(dir.resolve("data")) + listeners);
    return Gateway.start(ConfigFile.load(config));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void webSocketSubscriber_receivesWhatASensorAndMosquittoPubPublish() {
    try (PahoWebSocket.Sub browser = PahoWebSocket.subscribe(gateway.webSocketAddress(), "lab/#");
        SnTestClient sensor = new SnTestClient(gateway.snAddress())) {
      sensor.connect("ws-sensor", 60);
      assertThat(sensor.registerAndPublish("lab/ws-sensor/celsius", "21.5".getBytes(StandardCharsets.UTF_8)))
          .isEqualTo(ReturnCode.ACCEPTED);
      Mosquitto.publish(gateway.mqttAddress(), "lab/tcp", "from-tcp", 1);

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(browser.messages())
          .containsExactlyInAnyOrder("lab/ws-sensor/celsius 21.5", "lab/tcp from-tcp"));
    }
  }

  @Test
  void webSocketPublish_inMqtt311And31_reachesMosquittoSubOverTcp() {
    try (Mosquitto.Sub sub = Mosquitto.subscribe(gateway.mqttAddress(), "lab/#", 1)) {
      PahoWebSocket.publish(gateway.webSocketAddress(), "lab/ws", "mqtt-3.1.1");
      PahoWebSocket.publish(gateway.webSocketAddress(), "lab/ws", "mqtt-3.1", "--mqtt31");

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sub.messages())
          .containsExactly("lab/ws mqtt-3.1.1", "lab/ws mqtt-3.1"));
    }
  }

  @Test
  void withAPasswordFile_wrongPasswordGets4_anonymousGets5_theUserGetsIn() throws Exception {
    Path passwd = dir.resolve("passwd");
    ParseOutcome.Passwd addAlice = new ParseOutcome.Passwd(passwd, "alice", false, true);
    assertThat(PasswdCommand.run(addAlice, new ByteArrayInputStream("s3cret\n".getBytes(StandardCharsets.UTF_8)),
        null).exitStatus()).isZero();
    gateway.close();
    gateway = startGateway("websocket: 127.0.0.1:0\npassword-file: " + passwd + "\n");

    InetSocketAddress ws = gateway.webSocketAddress();
    assertThat(PahoWebSocket.connect(ws, "--user", "alice", "--password", "guess")).as("wrong password").isEqualTo(4);
    assertThat(PahoWebSocket.connect(ws)).as("anonymous").isEqualTo(5);
    assertThat(PahoWebSocket.connect(ws, "--user", "alice", "--password", "s3cret")).as("alice").isZero();
  }

  @Test
  void plainHttpRequestForAnotherPath_isAnswered404AndClosed() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", gateway.webSocketAddress().getPort())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();

      // readAllBytes returns at the end of the stream: the gateway closed the connection.
      String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII);

      assertThat(response).startsWith("HTTP/1.1 404 Not Found\r\n").contains("MQTT over WebSocket at /mqtt");
    }
  }

  @Test
  void startLog_saysTheListenersUrlAndWhoGetsIn_andAPortInUseIsAOneLineStartError() throws Exception {
    gateway.close();
    try (CapturedLog log = CapturedLog.start()) {
      gateway = startGateway("websocket: 127.0.0.1:0\n");
      assertThat(log.text()).contains("MQTT over WebSocket listener on ws://127.0.0.1:"
          + gateway.webSocketAddress().getPort() + "/mqtt (", "no password file, anonymous clients allowed");
    }
    int taken = gateway.webSocketAddress().getPort();
    Path otherData = dir.resolve("other");

    assertThatThrownBy(() -> Gateway.start(ConfigFile.load(Files.writeString(dir.resolve("other.yaml"), """
        udp: 127.0.0.1:0
        mqtt: 127.0.0.1:0
        data-dir: %s
        websocket: 127.0.0.1:%d
        """.formatted(otherData, taken)))))
        .isInstanceOf(StartException.class)
        .hasMessage("MQTT over WebSocket listener cannot bind 127.0.0.1:" + taken + ": Address already in use");
  }

  @Test
  void websocketTls_servesWss_withTheConfiguredCertificate() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"), "test-ca");
    TestPki.Issued server = pki.issueServer("gateway");
    gateway.close();
    gateway = startGateway("""
        websocket-tls:
          listen: 127.0.0.1:0
          cert-file: %s
          key-file: %s
        """.formatted(server.cert(), server.key()));

    try (PahoWebSocket.Sub browser = PahoWebSocket.subscribe(gateway.webSocketTlsAddress(), "lab/#",
        "--ca", pki.caCert().toString())) {
      Mosquitto.publish(gateway.mqttAddress(), "lab/tcp", "over-wss", 1);

      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(browser.messages()).containsExactly("lab/tcp over-wss"));
    }
    assertThat(gateway.webSocketAddress()).as("no plain WebSocket listener unless configured").isNull();
  }
}
