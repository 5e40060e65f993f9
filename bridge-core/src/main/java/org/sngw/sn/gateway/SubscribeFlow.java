package org.sngw.sn.gateway;

import java.util.List;
import java.util.OptionalInt;
import org.sngw.broker.Broker;
import org.sngw.broker.Subscription;
import org.sngw.broker.topic.Topics;
import org.sngw.message.Qos;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket.RegAck;
import org.sngw.sn.codec.SnPacket.Register;
import org.sngw.sn.codec.SnPacket.SubAck;
import org.sngw.sn.codec.SnPacket.Subscribe;
import org.sngw.sn.codec.SnPacket.UnsubAck;
import org.sngw.sn.codec.SnPacket.Unsubscribe;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;

/**
 * A sensor's REGISTER, SUBSCRIBE and UNSUBSCRIBE (MQTT-SN 1.2, 6.6 and 6.9 to 6.10): topic names
 * get their ids here, filters go to the broker.
 */
final class SubscribeFlow {
  private final SnLink link;
  private final Broker broker;
  private final int maxTopicsPerClient;

  SubscribeFlow(SnLink link, Broker broker, int maxTopicsPerClient) {
    this.link = link;
    this.broker = broker;
    this.maxTopicsPerClient = maxTopicsPerClient;
  }

  void onRegister(SnConnection connection, Register register) {
    String name = register.topicName();
    if (!Topics.isValidName(name)) {
      link.send(new RegAck(0, register.msgId(), ReturnCode.REJECTED_INVALID_TOPIC_ID));
      return;
    }
    connection.topics().register(name, maxTopicsPerClient).ifPresentOrElse(
        id -> link.send(new RegAck(id, register.msgId(), ReturnCode.ACCEPTED)),
        () -> link.send(new RegAck(0, register.msgId(), ReturnCode.REJECTED_CONGESTION)));
  }

  void onSubscribe(SnConnection connection, Subscribe subscribe) {
    int msgId = subscribe.msgId();
    String filter = connection.topicName(subscribe.topic());
    if (filter == null || !Topics.isValidFilter(filter)) {
      link.send(new SubAck(SnQos.AT_MOST_ONCE, 0, msgId, ReturnCode.REJECTED_INVALID_TOPIC_ID));
      return;
    }
    // Wildcard filters and short names carry no topic id in SUBACK.
    int topicId = 0;
    if (subscribe.topic() instanceof SnTopic.Predefined predefined) {
      topicId = predefined.id();
    } else if (subscribe.topic() instanceof SnTopic.Named && !Topics.hasWildcard(filter)) {
      OptionalInt id = connection.topics().register(filter, Integer.MAX_VALUE);
      if (id.isEmpty()) {
        link.send(new SubAck(SnQos.AT_MOST_ONCE, 0, msgId, ReturnCode.REJECTED_CONGESTION));
        return;
      }
      topicId = id.getAsInt();
    }
    int grantedTopicId = topicId;
    Qos wanted = SnQosMapping.toBroker(subscribe.qos());
    broker.subscribe(connection.handle(), List.of(new Subscription(filter, wanted)), granted -> link.send(
        granted.get(0)
            .map(qos -> new SubAck(SnQosMapping.toSn(qos), grantedTopicId, msgId, ReturnCode.ACCEPTED))
            .orElseGet(() -> new SubAck(SnQos.AT_MOST_ONCE, 0, msgId, ReturnCode.REJECTED_INVALID_TOPIC_ID))));
  }

  void onUnsubscribe(SnConnection connection, Unsubscribe unsubscribe) {
    String filter = connection.topicName(unsubscribe.topic());
    int msgId = unsubscribe.msgId();
    if (filter == null) {
      link.send(new UnsubAck(msgId));
      return;
    }
    broker.unsubscribe(connection.handle(), List.of(filter), () -> link.send(new UnsubAck(msgId)));
  }
}
