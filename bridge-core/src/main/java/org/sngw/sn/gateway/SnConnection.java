package org.sngw.sn.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sngw.broker.ClientHandle;
import org.sngw.broker.Delivery;
import org.sngw.broker.SessionSink;
import org.sngw.message.Message;
import org.sngw.sn.codec.SnTopic;

/**
 * One accepted CONNECT's hold on the sensor's broker session: its handle, its topic ids, its
 * outbox and its will as it stands. A fresh one per CONNECT, so broker callbacks meant for an
 * earlier connection of the sensor are recognised and ignored.
 *
 * <p>The broker may deliver from inside {@code connect}, before the handle is known; what the
 * outbox answers the broker meanwhile (a delivery it gives up on at once) waits for
 * {@link #attached}, so nothing reaches the broker without the handle.
 */
final class SnConnection implements SessionSink, SnOutbox.Acks {
  private final SnSession session;
  private final SessionServices services;
  private final TopicRegistry topics;
  private final SnOutbox outbox;
  private ClientHandle handle;
  /** Answers to the broker from inside its connect call; null once the handle is known. */
  private List<Runnable> beforeAttached = new ArrayList<>();
  /** Null for none; kept to apply WILLTOPICUPD and WILLMSGUPD. */
  private Message will;

  SnConnection(SnSession session, SnLink link, Retransmitter retransmitter, SessionServices services,
      TopicRegistry topics, Optional<Message> will) {
    this.session = session;
    this.services = services;
    this.topics = topics;
    this.will = will.orElse(null);
    MqttSnConfig config = services.config();
    this.outbox = new SnOutbox(link, topics, services.predefined(), retransmitter, this,
        config.maxPendingPerClient(), config.retryCount(), services.stats());
  }

  /** The broker's connect returned this handle: answers it was owed meanwhile go to it now. */
  void attached(ClientHandle brokerHandle) {
    handle = brokerHandle;
    List<Runnable> owed = beforeAttached;
    beforeAttached = null;
    owed.forEach(Runnable::run);
  }

  ClientHandle handle() {
    return handle;
  }

  TopicRegistry topics() {
    return topics;
  }

  SnOutbox outbox() {
    return outbox;
  }

  Optional<Message> will() {
    return Optional.ofNullable(will);
  }

  /** Replaces the will here and in the broker session; empty removes it. */
  void updateWill(Optional<Message> newWill) {
    will = newWill.orElse(null);
    services.broker().updateWill(handle, newWill);
  }

  /** The full topic name a packet refers to, or null when the id is unknown. */
  String topicName(SnTopic topic) {
    if (topic instanceof SnTopic.Registered registered) {
      return topics.nameOf(registered.id());
    } else if (topic instanceof SnTopic.Predefined predefined) {
      return services.predefined().nameOf(predefined.id());
    } else if (topic instanceof SnTopic.Short shortName) {
      return shortName.name();
    }
    return ((SnTopic.Named) topic).name();
  }

  @Override
  public void deliver(Delivery delivery) {
    if (session.isCurrent(this)) {
      outbox.deliver(delivery);
    }
  }

  @Override
  public void release(int packetId) {
    if (session.isCurrent(this)) {
      outbox.release(packetId);
    }
  }

  @Override
  public void takenOver() {
    if (session.isCurrent(this)) {
      session.takenOver();
    }
  }

  @Override
  public void acknowledged(int packetId) {
    toBroker(() -> services.broker().acknowledged(handle, packetId));
  }

  @Override
  public void received(int packetId) {
    toBroker(() -> services.broker().received(handle, packetId));
  }

  @Override
  public void completed(int packetId) {
    toBroker(() -> services.broker().completed(handle, packetId));
  }

  private void toBroker(Runnable answer) {
    if (beforeAttached != null) {
      beforeAttached.add(answer);
    } else {
      answer.run();
    }
  }
}
