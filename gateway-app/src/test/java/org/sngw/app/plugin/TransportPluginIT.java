package org.sngw.app.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.app.Gateway;
import org.sngw.app.plugin.InMemoryTransport.Sensor;
import org.sngw.app.plugin.InMemoryTransport.Sent;
import org.sngw.config.ConfigFile;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnDecoder;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnPacket.ConnAck;
import org.sngw.sn.codec.SnPacket.Connect;

/**
 * A transport that is not one of ours, found at run time as a transport module's would be: its
 * section of the config file is read by its provider, the gateway opens and starts it, its sensors
 * get sessions, its stats become metrics, and no line of {@code Gateway} names it.
 */
class TransportPluginIT {
  @TempDir Path dir;

  @Test
  void transportOnTheClassPath_isConfiguredStartedServedAndPublished() throws Exception {
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, """
        udp: 127.0.0.1:0
        mqtt: 127.0.0.1:0
        metrics: 127.0.0.1:0
        data-dir: %s
        in-memory:
          name: lab
        """.formatted(dir.resolve("data")));

    try (Gateway gateway = Gateway.start(ConfigFile.load(file))) {
      InMemoryTransport lab = InMemoryTransport.named("lab").orElseThrow();
      Sensor sensor = new Sensor("s1");
      lab.receive(sensor, bytes(SnEncoder.encode(new Connect(false, true, 60, "in-memory-1"))));

      Sent reply = lab.sent().poll(10, TimeUnit.SECONDS);
      assertThat(reply).isNotNull();
      assertThat(reply.to()).isEqualTo(sensor);
      assertThat(SnDecoder.decode(ByteBuffer.wrap(reply.frame()))).isEqualTo(new ConnAck(ReturnCode.ACCEPTED));
      assertThat(gateway.snGateway().sessionCount()).isEqualTo(1);
      assertThat(scrape(gateway))
          .contains("sngw_memory_frames_received_total{name=\"lab\"} 1.0")
          .contains("sngw_memory_frames_sent_total{name=\"lab\"} 1.0");
    }
    assertThat(InMemoryTransport.named("lab")).as("closed with the gateway").isEmpty();
  }

  private static String scrape(Gateway gateway) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + gateway.metricsAddress().getPort() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
