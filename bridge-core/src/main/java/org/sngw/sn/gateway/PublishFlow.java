package org.sngw.sn.gateway;

import org.sngw.broker.Broker;
import org.sngw.broker.PublishOutcome;
import org.sngw.message.Message;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket.PubAck;
import org.sngw.sn.codec.SnPacket.PubComp;
import org.sngw.sn.codec.SnPacket.PubRec;
import org.sngw.sn.codec.SnPacket.PubRel;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnTopic;
import org.sngw.time.Clock;

/**
 * A sensor's PUBLISH at QoS 0, 1 and 2 and its PUBREL (MQTT-SN 1.2, 6.8): into the broker,
 * answered once the broker says it is safe. What goes the other way is {@link SnOutbox}'s.
 */
final class PublishFlow {
  private final SnLink link;
  private final Broker broker;
  /** Spans reconnects: a copy of a released QoS 2 PUBLISH may still arrive after one. */
  private final ReleasedExactlyOnce releasedExactlyOnce;
  private final LastValues lastValues;
  private final Clock clock;

  PublishFlow(SnLink link, Broker broker, ReleasedExactlyOnce releasedExactlyOnce, LastValues lastValues,
      Clock clock) {
    this.link = link;
    this.broker = broker;
    this.releasedExactlyOnce = releasedExactlyOnce;
    this.lastValues = lastValues;
    this.clock = clock;
  }

  void onPublish(SnConnection connection, Publish publish) {
    String name = connection.topicName(publish.topic());
    int rawTopicId = rawTopicId(publish.topic());
    if (name == null) {
      link.send(new PubAck(rawTopicId, publish.msgId(), ReturnCode.REJECTED_INVALID_TOPIC_ID));
      return;
    }
    lastValues.record(name, publish.data(), clock.nanos());
    Message message = new Message(name, publish.data(), SnQosMapping.toBroker(publish.qos()), publish.retain());
    int msgId = publish.msgId();
    switch (publish.qos()) {
      case AT_MOST_ONCE, FIRE_AND_FORGET -> broker.publish(connection.handle(), message, outcome -> { });
      case AT_LEAST_ONCE -> broker.publish(connection.handle(), message,
          outcome -> link.send(new PubAck(rawTopicId, msgId, returnCode(outcome))));
      case EXACTLY_ONCE -> publishExactlyOnce(connection, message, msgId, rawTopicId);
    }
  }

  void onPubRel(SnConnection connection, PubRel rel) {
    releasedExactlyOnce.released(rel.msgId());
    broker.releaseInbound(connection.handle(), rel.msgId());
    link.send(new PubComp(rel.msgId()));
  }

  private void publishExactlyOnce(SnConnection connection, Message message, int msgId, int rawTopicId) {
    if (releasedExactlyOnce.isLateCopy(msgId, message.topic(), message.payload())) {
      link.send(new PubRec(msgId));
      return;
    }
    broker.publishExactlyOnce(connection.handle(), msgId, message, outcome -> {
      if (outcome == PublishOutcome.ACCEPTED) {
        releasedExactlyOnce.received(msgId, message.topic(), message.payload());
        link.send(new PubRec(msgId));
      } else {
        link.send(new PubAck(rawTopicId, msgId, returnCode(outcome)));
      }
    });
  }

  /** The topic id field as it came, for the PUBACK that answers it. */
  private static int rawTopicId(SnTopic topic) {
    if (topic instanceof SnTopic.Registered registered) {
      return registered.id();
    } else if (topic instanceof SnTopic.Predefined predefined) {
      return predefined.id();
    } else if (topic instanceof SnTopic.Short shortName) {
      return shortName.asId();
    }
    return 0;
  }

  private static ReturnCode returnCode(PublishOutcome outcome) {
    return switch (outcome) {
      case ACCEPTED -> ReturnCode.ACCEPTED;
      case CONGESTED -> ReturnCode.REJECTED_CONGESTION;
      case INVALID_TOPIC -> ReturnCode.REJECTED_INVALID_TOPIC_ID;
      case DENIED -> ReturnCode.REJECTED_NOT_SUPPORTED;
    };
  }
}
