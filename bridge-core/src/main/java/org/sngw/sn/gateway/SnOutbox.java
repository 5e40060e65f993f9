package org.sngw.sn.gateway;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.broker.Delivery;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.PubAck;
import org.sngw.sn.codec.SnPacket.PubComp;
import org.sngw.sn.codec.SnPacket.PubRec;
import org.sngw.sn.codec.SnPacket.PubRel;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.RegAck;
import org.sngw.sn.codec.SnPacket.Register;
import org.sngw.sn.codec.SnTopic;

/**
 * What the broker sends to one connected sensor, in order, one exchange at a time as small MQTT-SN
 * clients expect: a topic the sensor has no id for is REGISTERed first; a QoS 1/2 PUBLISH or a
 * PUBREL waits for its answer (resent by the {@link Retransmitter}) before anything else goes out.
 * The broker's in-flight window of one keeps at most one QoS 1/2 message here; QoS 0 messages wait
 * in a bounded buffer (the oldest goes when it is full). While the sensor sleeps the outbox is
 * paused: it buffers and neither sends nor resends. Owned by the core loop.
 */
final class SnOutbox {
  private static final Logger log = LoggerFactory.getLogger(SnOutbox.class);

  /** How the outbox reports the sensor's acknowledgements back to its broker session. */
  interface Acks {
    void acknowledged(int packetId);

    void received(int packetId);

    void completed(int packetId);
  }

  private sealed interface Pending {}

  /** @param refusals how often the sensor answered "invalid topic id" to this message */
  private record Deliver(Delivery delivery, int refusals) implements Pending {}

  private record Release(int packetId) implements Pending {}

  private sealed interface Awaiting {}

  private record RegAckFor(Deliver deliver, int topicId, int msgId) implements Awaiting {}

  private record PubAckFor(Deliver deliver, SnTopic topic) implements Awaiting {}

  private record PubRecFor(Deliver deliver, SnTopic topic) implements Awaiting {}

  private record PubCompFor(int packetId) implements Awaiting {}

  private final SnLink link;
  private final TopicRegistry registry;
  private final PredefinedTopics predefined;
  private final Retransmitter retransmitter;
  private final Acks acks;
  private final int maxPendingQos0;
  /** How often one message may be refused for its topic id (re-registering each time) before it is dropped. */
  private final int maxRefusals;
  private final SnStats stats;
  // Small at first: a sensor's outbox usually holds a message or two, and every session has one.
  private final ArrayDeque<Pending> queue = new ArrayDeque<>(4);
  /**
   * Topic ids the sensor said it does not know: REGISTERed again, under the same id, before their
   * next use. The id is kept, not replaced: the refusal may only mean that the PUBLISH overtook the
   * REGACK or SUBACK that taught the id, and the sensor may still publish under it.
   */
  private final Set<Integer> toReregister = new HashSet<>();
  /** QoS 2 deliveries given up on: their broker-side release completes at once. */
  private final Set<Integer> abandoned = new HashSet<>();
  private Awaiting awaiting;
  private boolean paused;
  private int pendingQos0;
  private int lastMsgId;

  SnOutbox(
      SnLink link,
      TopicRegistry registry,
      PredefinedTopics predefined,
      Retransmitter retransmitter,
      Acks acks,
      int maxPendingQos0,
      int maxRefusals,
      SnStats stats) {
    this.link = link;
    this.registry = registry;
    this.predefined = predefined;
    this.retransmitter = retransmitter;
    this.acks = acks;
    this.maxPendingQos0 = maxPendingQos0;
    this.maxRefusals = maxRefusals;
    this.stats = stats;
  }

  void deliver(Delivery delivery) {
    if (delivery.message().qos() == Qos.AT_MOST_ONCE) {
      if (pendingQos0 >= maxPendingQos0) {
        // A sleeping sensor wants the latest readings, not the first ones.
        dropOldestQos0();
        stats.pendingDrops.increment();
      }
      pendingQos0++;
    }
    queue.addLast(new Deliver(delivery, 0));
    pump();
  }

  /** The sensor sleeps: keep everything, send nothing, resend nothing. */
  void pause() {
    paused = true;
    retransmitter.pause();
  }

  /** The sensor woke up: resend what awaits an answer, then go on with the queue. */
  void resume() {
    paused = false;
    retransmitter.resume();
    pump();
  }

  /** Nothing queued and nothing awaiting an answer. */
  boolean isIdle() {
    return awaiting == null && queue.isEmpty();
  }

  private void dropOldestQos0() {
    for (var it = queue.iterator(); it.hasNext(); ) {
      if (it.next() instanceof Deliver deliver && deliver.delivery().message().qos() == Qos.AT_MOST_ONCE) {
        it.remove();
        pendingQos0--;
        return;
      }
    }
  }

  /** The broker asks for the PUBREL of a QoS 2 delivery; it goes before anything queued. */
  void release(int packetId) {
    if (abandoned.remove(packetId)) {
      acks.completed(packetId);
      return;
    }
    queue.addFirst(new Release(packetId));
    pump();
  }

  void onRegAck(RegAck ack) {
    if (!(awaiting instanceof RegAckFor wait) || wait.msgId() != ack.msgId()) {
      return;
    }
    settle();
    if (ack.returnCode() == ReturnCode.ACCEPTED) {
      toReregister.remove(wait.topicId());
      publish(wait.deliver(), new SnTopic.Registered(wait.topicId()));
    } else {
      log.debug("{} refused topic {} ({})", link.peer(), wait.deliver().delivery().message().topic(), ack.returnCode());
      registry.forget(wait.topicId());
      abandon(wait.deliver().delivery());
    }
    pump();
  }

  void onPubAck(PubAck ack) {
    Deliver deliver;
    SnTopic topic;
    if (awaiting instanceof PubAckFor wait && wait.deliver().delivery().packetId() == ack.msgId()) {
      deliver = wait.deliver();
      topic = wait.topic();
    } else if (awaiting instanceof PubRecFor wait && wait.deliver().delivery().packetId() == ack.msgId()) {
      deliver = wait.deliver();
      topic = wait.topic();
    } else {
      reregisterRefusedQos0Topic(ack);
      return;
    }
    switch (ack.returnCode()) {
      case ACCEPTED -> {
        settle();
        acks.acknowledged(ack.msgId());
      }
      // The sensor is busy: the retransmitter offers the message again after Tretry.
      case REJECTED_CONGESTION -> {
        return;
      }
      case REJECTED_INVALID_TOPIC_ID -> {
        settle();
        if (topic instanceof SnTopic.Registered registered && deliver.refusals() < maxRefusals) {
          // The sensor lost its registrations (it rebooted), or the PUBLISH overtook the REGACK.
          toReregister.add(registered.id());
          queue.addFirst(new Deliver(deliver.delivery(), deliver.refusals() + 1));
        } else {
          abandon(deliver.delivery());
        }
      }
      case REJECTED_NOT_SUPPORTED -> {
        settle();
        abandon(deliver.delivery());
      }
    }
    pump();
  }

  void onPubRec(PubRec rec) {
    if (awaiting instanceof PubRecFor wait && wait.deliver().delivery().packetId() == rec.msgId()) {
      settle();
      acks.received(rec.msgId());
      pump();
    }
  }

  void onPubComp(PubComp comp) {
    if (awaiting instanceof PubCompFor wait && wait.packetId() == comp.msgId()) {
      settle();
      acks.completed(comp.msgId());
      pump();
    }
  }

  /** The connection is over: nothing more is sent; the broker keeps what is still unacknowledged. */
  void close() {
    retransmitter.stop();
    queue.clear();
    awaiting = null;
  }

  private void settle() {
    retransmitter.answered();
    awaiting = null;
  }

  private void pump() {
    while (!paused && awaiting == null && !queue.isEmpty()) {
      Pending next = queue.pollFirst();
      if (next instanceof Release release) {
        awaiting = new PubCompFor(release.packetId());
        retransmitter.send(link, new PubRel(release.packetId()));
      } else if (next instanceof Deliver deliver) {
        if (deliver.delivery().message().qos() == Qos.AT_MOST_ONCE) {
          pendingQos0--;
        }
        sendOrRegister(deliver);
      }
    }
  }

  private void sendOrRegister(Deliver deliver) {
    String topic = deliver.delivery().message().topic();
    SnTopic known = knownTopic(topic);
    if (known instanceof SnTopic.Registered registered && toReregister.contains(registered.id())) {
      register(deliver, registered.id(), topic);
      return;
    }
    if (known != null) {
      publish(deliver, known);
      return;
    }
    // Ids the gateway hands out are bounded by the id space only: the per-client limit is for
    // REGISTERs from the client.
    OptionalInt id = registry.register(topic, Integer.MAX_VALUE);
    if (id.isEmpty()) {
      log.warn("{} has used up its topic ids; dropping a message on {}", link.peer(), topic);
      abandon(deliver.delivery());
      return;
    }
    register(deliver, id.getAsInt(), topic);
  }

  private void register(Deliver deliver, int topicId, String topic) {
    int msgId = nextMsgId();
    awaiting = new RegAckFor(deliver, topicId, msgId);
    retransmitter.send(link, new Register(topicId, msgId, topic));
  }

  private SnTopic knownTopic(String topic) {
    if (topic.length() == 2 && topic.charAt(0) <= 0xFF && topic.charAt(1) <= 0xFF) {
      return new SnTopic.Short(topic);
    }
    OptionalInt predefinedId = predefined.idOf(topic);
    if (predefinedId.isPresent()) {
      return new SnTopic.Predefined(predefinedId.getAsInt());
    }
    OptionalInt registered = registry.idOf(topic);
    return registered.isPresent() ? new SnTopic.Registered(registered.getAsInt()) : null;
  }

  private void publish(Deliver deliver, SnTopic topic) {
    Delivery delivery = deliver.delivery();
    Message message = delivery.message();
    Publish publish = new Publish(
        delivery.dup(), SnQosMapping.toSn(message.qos()), message.retain(), topic, delivery.packetId(), message.payload());
    switch (message.qos()) {
      case AT_MOST_ONCE -> link.send(publish);
      case AT_LEAST_ONCE -> {
        awaiting = new PubAckFor(deliver, topic);
        retransmitter.send(link, publish, SnOutbox::withDup);
      }
      case EXACTLY_ONCE -> {
        awaiting = new PubRecFor(deliver, topic);
        retransmitter.send(link, publish, SnOutbox::withDup);
      }
    }
  }

  private static SnPacket withDup(SnPacket packet) {
    return packet instanceof Publish p && !p.dup()
        ? new Publish(true, p.qos(), p.retain(), p.topic(), p.msgId(), p.data())
        : packet;
  }

  /** A message the sensor cannot take: settle it with the broker so the session moves on. */
  private void abandon(Delivery delivery) {
    switch (delivery.message().qos()) {
      case AT_MOST_ONCE -> { }
      case AT_LEAST_ONCE -> acks.acknowledged(delivery.packetId());
      case EXACTLY_ONCE -> {
        abandoned.add(delivery.packetId());
        acks.received(delivery.packetId());
      }
    }
  }

  /** A QoS 0 PUBLISH can only be refused by topic id; its next use REGISTERs the id again. */
  private void reregisterRefusedQos0Topic(PubAck ack) {
    if (ack.msgId() == 0 && ack.returnCode() == ReturnCode.REJECTED_INVALID_TOPIC_ID
        && registry.nameOf(ack.topicId()) != null) {
      toReregister.add(ack.topicId());
    }
  }

  private int nextMsgId() {
    lastMsgId = lastMsgId == 0xFFFF ? 1 : lastMsgId + 1;
    return lastMsgId;
  }
}
