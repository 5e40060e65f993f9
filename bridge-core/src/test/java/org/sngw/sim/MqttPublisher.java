package org.sngw.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.sngw.broker.Broker;
import org.sngw.broker.ClientHandle;
import org.sngw.broker.ConnectRequest;
import org.sngw.broker.PublishOutcome;
import org.sngw.broker.SessionSink;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.time.VirtualTime;

/**
 * An application on the MQTT side that publishes its planned readings, retained or not, straight
 * into the broker; the broker's ACCEPTED is its acknowledgement.
 */
final class MqttPublisher {
  private final String name;
  private final List<Reading> readings;
  private final Broker broker;
  private final VirtualTime time;
  private final Ledger ledger;
  private ClientHandle handle;
  private int sent;
  private int lastPacketId;

  MqttPublisher(String name, List<Reading> readings, Broker broker, VirtualTime time, Ledger ledger) {
    this.name = name;
    this.readings = List.copyOf(readings);
    this.broker = broker;
    this.time = time;
    this.ledger = ledger;
  }

  void start() {
    handle = broker.connect(new ConnectRequest(name, true, Optional.empty(), Duration.ZERO, 1), SessionSink.NONE);
    for (Reading reading : readings) {
      time.schedule(reading.at(), () -> publish(reading));
    }
  }

  private void publish(Reading reading) {
    String payload = name + "#" + ++sent;
    Publication publication = ledger.publication(payload, reading.topic(), reading.qos(), reading.retain(), name);
    publication.sent(time.nanos());
    Message message = new Message(
        reading.topic(), payload.getBytes(StandardCharsets.UTF_8), reading.qos(), reading.retain());
    if (reading.qos() == Qos.EXACTLY_ONCE) {
      int packetId = ++lastPacketId;
      broker.publishExactlyOnce(handle, packetId, message, outcome -> {
        settle(publication, outcome);
        broker.releaseInbound(handle, packetId);
      });
    } else {
      broker.publish(handle, message, outcome -> settle(publication, outcome));
    }
  }

  private void settle(Publication publication, PublishOutcome outcome) {
    if (outcome == PublishOutcome.ACCEPTED) {
      if (publication.qos() != Qos.AT_MOST_ONCE) {
        publication.acked(time.nanos());
      }
    } else {
      publication.refused(true);
    }
  }
}
