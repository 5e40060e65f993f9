package org.sngw.broker;

/**
 * One connection's hold on a broker session, returned by {@link Broker#connect}. After a take-over
 * or disconnect the handle is stale and the broker ignores calls made with it.
 */
public interface ClientHandle {
  String clientId();

  /** Whether the connection resumed a session that existed before (CONNACK's session present). */
  boolean sessionPresent();
}
