package org.sngw.broker;

/**
 * Client ids that belong to the gateway itself: every one starting with {@code $} (the bridges'
 * outboxes are {@code $bridge/NAME}). No client from a listener may take one, or it would take the
 * outbox and its queued messages with it.
 */
public final class ClientIds {
  private static final String RESERVED_PREFIX = "$";

  private ClientIds() {}

  public static boolean isReserved(String clientId) {
    return clientId.startsWith(RESERVED_PREFIX);
  }

  /** The session that is a bridge's outbox. */
  public static String bridgeOutbox(String bridgeName) {
    return RESERVED_PREFIX + "bridge/" + bridgeName;
  }
}
