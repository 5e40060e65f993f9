package org.sngw.broker;

import java.time.Duration;
import org.sngw.message.Message;

/**
 * The broker's side of a {@link ClientHandle}: the connection's sink, will and keep-alive. Live
 * only while its session's current handle is this one; a take-over or disconnect makes it stale for
 * good.
 */
final class SessionHandle implements ClientHandle {
  private final Session session;
  private final SessionSink sink;
  private final boolean sessionPresent;
  private final Duration keepAlive;
  private final Duration willDelay;
  private final PublisherAcks acks = new PublisherAcks();
  private Message will;

  SessionHandle(Session session, SessionSink sink, boolean sessionPresent, Message will, Duration keepAlive,
      Duration willDelay) {
    this.session = session;
    this.sink = sink;
    this.sessionPresent = sessionPresent;
    this.will = will;
    this.keepAlive = keepAlive;
    this.willDelay = willDelay;
  }

  @Override
  public String clientId() {
    return session.clientId();
  }

  @Override
  public boolean sessionPresent() {
    return sessionPresent;
  }

  Session session() {
    return session;
  }

  SessionSink sink() {
    return sink;
  }

  /** This connection's answers to its publishes, given in the order it published. */
  PublisherAcks acks() {
    return acks;
  }

  boolean isAttached() {
    return session.handle() == this;
  }

  /** The will to publish if the connection ends without a DISCONNECT, or null. */
  Message will() {
    return will;
  }

  void setWill(Message newWill) {
    will = newWill;
  }

  /** How long the will waits after the connection is lost (MQTT 5); zero for not at all. */
  Duration willDelay() {
    return willDelay;
  }

  /** Stored with the will: after a crash, the will fires when the client stays away 1.5 times this. */
  Duration keepAlive() {
    return keepAlive;
  }

  @Override
  public String toString() {
    return "ClientHandle[" + session.clientId() + (isAttached() ? "]" : ", stale]");
  }
}
