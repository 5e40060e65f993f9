package org.sngw.broker;

/**
 * The broker's side of a {@link ClientHandle}: the connection's sink and will. Live only while its
 * session's current handle is this one; a take-over or disconnect makes it stale for good.
 */
final class SessionHandle implements ClientHandle {
  private final Session session;
  private final SessionSink sink;
  private final boolean sessionPresent;
  private Message will;

  SessionHandle(Session session, SessionSink sink, boolean sessionPresent, Message will) {
    this.session = session;
    this.sink = sink;
    this.sessionPresent = sessionPresent;
    this.will = will;
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

  @Override
  public String toString() {
    return "ClientHandle[" + session.clientId() + (isAttached() ? "]" : ", stale]");
  }
}
