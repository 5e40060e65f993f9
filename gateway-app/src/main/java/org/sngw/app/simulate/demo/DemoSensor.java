package org.sngw.app.simulate.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;

/**
 * One named demo sensor: connects with a persistent session, registers {@code sensors/ID/KEY}
 * for each quantity, publishes a reading of each at QoS 1 every period, and, when it sleeps,
 * tells the gateway with a DISCONNECT of its sleep duration between readings, as a battery
 * sensor does. A gateway that does not answer is tried again after a period; nothing stops the
 * sensor but {@link #stop()}.
 */
final class DemoSensor implements Runnable {
  private static final Duration ANSWER = Duration.ofSeconds(2);
  private static final int TRIES = 3;
  private static final int KEEP_ALIVE_SECONDS = 60;

  private final String clientId;
  private final List<Quantity> quantities;
  private final Duration period;
  private final boolean sleeps;
  private final SensorLine line;
  private final PrintStream out;
  private final Random random;
  private final Map<String, Integer> topicIds = new HashMap<>();
  private int nextMsgId = 1;
  private volatile boolean stopped;

  DemoSensor(String clientId, List<Quantity> quantities, Duration period, boolean sleeps, SensorLine line,
      PrintStream out, Random random) {
    this.clientId = clientId;
    this.quantities = List.copyOf(quantities);
    this.period = period;
    this.sleeps = sleeps;
    this.line = line;
    this.out = out;
    this.random = random;
  }

  String clientId() {
    return clientId;
  }

  @Override
  public void run() {
    while (!stopped) {
      try {
        round();
      } catch (IOException e) {
        say("cannot reach the gateway (" + e.getMessage() + "); trying again in " + period.toSeconds() + " s");
        topicIds.clear();
      }
      pause(period);
    }
    line.close();
  }

  void stop() {
    stopped = true;
  }

  /** Awake: connect, register what is new, publish each reading; then, if it sleeps, say for how long. */
  private void round() throws IOException {
    SnPacket.ConnAck connected =
        ask(new SnPacket.Connect(false, false, KEEP_ALIVE_SECONDS, clientId), SnPacket.ConnAck.class);
    if (connected.returnCode() != ReturnCode.ACCEPTED) {
      throw new IOException("CONNECT refused: " + connected.returnCode());
    }
    for (Quantity quantity : quantities) {
      String topic = "sensors/" + clientId + "/" + quantity.key();
      if (!topicIds.containsKey(topic)) {
        SnPacket.RegAck ack = ask(new SnPacket.Register(0, msgId(), topic), SnPacket.RegAck.class);
        topicIds.put(topic, ack.topicId());
      }
      String reading = quantity.next(random);
      SnPacket.PubAck ack = ask(new SnPacket.Publish(false, SnQos.AT_LEAST_ONCE, false,
          new SnTopic.Registered(topicIds.get(topic)), msgId(), reading.getBytes(StandardCharsets.UTF_8)),
          SnPacket.PubAck.class);
      if (ack.returnCode() != ReturnCode.ACCEPTED) {
        // The gateway forgot the topic id (its state was reset): register again next round.
        topicIds.remove(topic);
        say(topic + " refused (" + ack.returnCode() + ")");
      } else {
        say(quantity.key() + " " + reading + " " + quantity.unit());
      }
    }
    if (sleeps) {
      int sleepSeconds = (int) period.toSeconds() * 2;
      ask(new SnPacket.Disconnect(OptionalInt.of(sleepSeconds)), SnPacket.Disconnect.class);
      say("asleep for up to " + sleepSeconds + " s");
    }
  }

  /** Sends, and waits for the answer of the kind expected, sending again twice if none comes. */
  private <T extends SnPacket> T ask(SnPacket request, Class<T> answer) throws IOException {
    for (int attempt = 0; attempt < TRIES && !stopped; attempt++) {
      line.send(request);
      long deadline = System.nanoTime() + ANSWER.toNanos();
      while (System.nanoTime() < deadline) {
        Optional<SnPacket> received = line.receive(Duration.ofNanos(deadline - System.nanoTime()));
        if (received.isPresent() && answer.isInstance(received.get())) {
          return answer.cast(received.get());
        }
      }
    }
    throw new IOException("no " + answer.getSimpleName() + " to " + request.type());
  }

  private int msgId() {
    int id = nextMsgId;
    nextMsgId = nextMsgId == 0xFFFF ? 1 : nextMsgId + 1;
    return id;
  }

  private void pause(Duration time) {
    try {
      Thread.sleep(time.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }

  private void say(String what) {
    out.printf("%-10s %-22s %s%n", clientId, line.name(), what);
  }
}
