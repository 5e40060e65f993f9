package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.PubAck;
import org.sngw.sn.codec.SnPacket.PubRec;
import org.sngw.sn.codec.SnPacket.PubRel;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;

/**
 * Kill -9 in the middle of a load: every publish the gateway acknowledged reaches the persistent
 * subscriber that was offline all along, after a restart on the same data directory.
 */
class DurabilityIT {
  private static final int SENSORS = 20;
  private static final String SUBSCRIBER = "durable-subscriber";

  @TempDir
  Path dataDir;

  @ParameterizedTest
  @EnumSource(value = SnQos.class, names = {"AT_LEAST_ONCE", "EXACTLY_ONCE"})
  void killNine_losesNoAcknowledgedPublish(SnQos qos) throws Exception {
    String[] args = {"--udp", "127.0.0.1:" + GatewayProcess.freeUdpPort(),
        "--mqtt", "127.0.0.1:" + GatewayProcess.freeTcpPort(), "--data-dir", dataDir.toString()};
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    try (GatewayProcess gateway = GatewayProcess.start(args)) {
      java.net.InetSocketAddress mqtt = address(args[3]);
      // The subscriber's session outlives it: everything published from here on is queued for it.
      Mosquitto.subscribe(mqtt, "load/#", qos.level(), "-c", "-i", SUBSCRIBER).close();

      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> sensors = new ArrayList<>();
      for (int i = 0; i < SENSORS; i++) {
        Thread sensor = new Thread(new PublishingSensor(address(args[1]), i, qos, running, acknowledged), "sensor-" + i);
        sensor.start();
        sensors.add(sensor);
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 500);
      gateway.kill();
      running.set(false);
      for (Thread sensor : sensors) {
        sensor.join(Duration.ofSeconds(15).toMillis());
      }
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(500);

    try (GatewayProcess restarted = GatewayProcess.start(args);
        Mosquitto.Sub subscriber = Mosquitto.subscribe(address(args[3]), "load/#", qos.level(), "-c", "-i", SUBSCRIBER)) {
      Set<String> expected = new HashSet<>(acknowledged);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .untilAsserted(() -> assertThat(payloads(subscriber.messages())).containsAll(expected));
      if (qos == SnQos.EXACTLY_ONCE) {
        List<String> received = payloads(subscriber.messages());
        assertThat(received).doesNotHaveDuplicates();
      }
    }
  }

  private static List<String> payloads(List<String> lines) {
    List<String> payloads = new ArrayList<>(lines.size());
    for (String line : lines) {
      payloads.add(line.substring(line.indexOf(' ') + 1));
    }
    return payloads;
  }

  private static java.net.InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return new java.net.InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }

  /** One sensor publishing as fast as its acknowledgements come, until the gateway stops answering. */
  private record PublishingSensor(
      java.net.InetSocketAddress gateway, int number, SnQos qos, AtomicBoolean running,
      ConcurrentLinkedQueue<String> acknowledged) implements Runnable {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(3);

    @Override
    public void run() {
      try (SnTestClient client = new SnTestClient(gateway)) {
        client.connect("sensor-" + number, 60);
        int topicId = client.register("load/sensor-" + number);
        for (int sequence = 0; running.get(); sequence++) {
          String payload = number + "-" + sequence;
          int msgId = client.nextMsgId();
          client.send(new Publish(false, qos, false, new SnTopic.Registered(topicId), msgId,
              payload.getBytes(StandardCharsets.UTF_8)));
          if (!acknowledged(client, msgId)) {
            return;
          }
          acknowledged.add(payload);
          if (qos == SnQos.EXACTLY_ONCE && !completed(client, msgId)) {
            return;
          }
        }
      } catch (AssertionError | RuntimeException gatewayGone) {
        // The gateway was killed under us: what was acknowledged is recorded.
      }
    }

    private boolean acknowledged(SnTestClient client, int msgId) {
      Optional<SnPacket> answer = client.poll(ANSWER_TIMEOUT);
      if (qos == SnQos.AT_LEAST_ONCE) {
        return answer.filter(a -> a instanceof PubAck ack && ack.msgId() == msgId
            && ack.returnCode() == ReturnCode.ACCEPTED).isPresent();
      }
      return answer.filter(a -> a.equals(new PubRec(msgId))).isPresent();
    }

    private boolean completed(SnTestClient client, int msgId) {
      client.send(new PubRel(msgId));
      return client.poll(ANSWER_TIMEOUT).filter(a -> a.equals(new SnPacket.PubComp(msgId))).isPresent();
    }
  }
}
