package org.sngw.store.mvstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.StringDataType;
import org.sngw.broker.ClientIdentity;
import org.sngw.broker.DeliveryOptions;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/**
 * The maps of one open MVStore and the changes the gateway makes to them; the layout is described
 * on {@link MvStateStore}. Used by one thread at a time: the opener, then the store thread.
 */
final class StateMaps {
  /** The layout this release writes; it reads this one and every older one. */
  static final int FORMAT_VERSION = 1;
  private static final String FORMAT_KEY = "formatVersion";
  private static final byte[] MARKER = new byte[0];

  final MVMap<String, String> meta;
  final MVMap<String, byte[]> sessions;
  final MVMap<String, byte[]> offlineSince;
  final MVMap<String, byte[]> subscriptions;
  final MVMap<String, byte[]> outbound;
  final MVMap<String, byte[]> inbound;
  final MVMap<String, byte[]> retained;
  final MVMap<String, byte[]> wills;
  final MVMap<String, String> topicIds;

  StateMaps(MVStore store) {
    meta = store.openMap("meta", texts());
    sessions = store.openMap("sessions", bytes());
    offlineSince = store.openMap("offlineSince", bytes());
    subscriptions = store.openMap("subscriptions", bytes());
    outbound = store.openMap("outbound", bytes());
    inbound = store.openMap("inbound", bytes());
    retained = store.openMap("retained", bytes());
    wills = store.openMap("wills", bytes());
    topicIds = store.openMap("topicIds", texts());
  }

  /** The format version the file was written in, 0 when it has none yet. */
  int formatVersion() {
    String version = meta.get(FORMAT_KEY);
    if (version == null) {
      return 0;
    }
    try {
      int parsed = Integer.parseInt(version);
      if (parsed < 1) {
        throw new ValueFormatException("format version " + parsed + " is not positive");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new ValueFormatException("format version '" + version + "' is not a number", e);
    }
  }

  void stampFormatVersion() {
    meta.put(FORMAT_KEY, Integer.toString(FORMAT_VERSION));
  }

  boolean isEmpty() {
    return meta.isEmpty() && sessions.isEmpty() && offlineSince.isEmpty() && subscriptions.isEmpty()
        && outbound.isEmpty() && inbound.isEmpty() && retained.isEmpty() && wills.isEmpty() && topicIds.isEmpty();
  }

  void putSession(String clientId) {
    sessions.put(clientId, OwnerValue.unknown());
  }

  /** Replaces the session's owner; a session deleted meanwhile stays deleted. */
  void putOwner(ClientIdentity owner) {
    sessions.replace(owner.clientId(), OwnerValue.encode(owner));
  }

  void removeSession(String clientId) {
    sessions.remove(clientId);
    offlineSince.remove(clientId);
    String prefix = Keys.prefix(clientId);
    removePrefix(subscriptions, prefix);
    removePrefix(outbound, prefix);
    removePrefix(inbound, prefix);
  }

  void putOfflineSince(String clientId, long epochMillis) {
    offlineSince.put(clientId, new ValueWriter(10).writeVarLong(epochMillis).toBytes());
  }

  void removeOfflineSince(String clientId) {
    offlineSince.remove(clientId);
  }

  void putSubscription(String clientId, String filter, Qos qos, DeliveryOptions options) {
    subscriptions.put(Keys.of(clientId, filter), SubscriptionValue.encode(qos, options));
  }

  void removeSubscription(String clientId, String filter) {
    subscriptions.remove(Keys.of(clientId, filter));
  }

  void putOutbound(String clientId, long sequence, Message message) {
    outbound.put(Keys.of(clientId, Keys.sequence(sequence)), new OutboundValue(message, 0, false).encode());
  }

  /** Ignored when the message is gone: it was completed or dropped in the same batch or before. */
  void markSent(String clientId, long sequence, int packetId) {
    String key = Keys.of(clientId, Keys.sequence(sequence));
    byte[] value = outbound.get(key);
    if (value != null) {
      outbound.put(key, OutboundValue.decode(value).withPacketId(packetId).encode());
    }
  }

  void markReleased(String clientId, long sequence) {
    String key = Keys.of(clientId, Keys.sequence(sequence));
    byte[] value = outbound.get(key);
    if (value != null) {
      outbound.put(key, OutboundValue.decode(value).asReleased().encode());
    }
  }

  void removeOutbound(String clientId, long sequence) {
    outbound.remove(Keys.of(clientId, Keys.sequence(sequence)));
  }

  void putInbound(String clientId, int packetId) {
    inbound.put(Keys.of(clientId, Keys.shortId(packetId)), MARKER);
  }

  void removeInbound(String clientId, int packetId) {
    inbound.remove(Keys.of(clientId, Keys.shortId(packetId)));
  }

  void putRetained(Message message) {
    retained.put(message.topic(), MessageCodec.encode(message));
  }

  void removeRetained(String topic) {
    retained.remove(topic);
  }

  void putWill(String clientId, Message will, Duration keepAlive) {
    wills.put(clientId, new WillValue(will, keepAlive).encode());
  }

  void removeWill(String clientId) {
    wills.remove(clientId);
  }

  void putTopicId(String clientId, int topicId, String topicName) {
    topicIds.put(Keys.of(clientId, Keys.shortId(topicId)), topicName);
  }

  void removeTopicId(String clientId, int topicId) {
    topicIds.remove(Keys.of(clientId, Keys.shortId(topicId)));
  }

  void removeTopicIds(String clientId) {
    removePrefix(topicIds, Keys.prefix(clientId));
  }

  private static void removePrefix(MVMap<String, ?> map, String prefix) {
    List<String> doomed = new ArrayList<>();
    for (Iterator<String> keys = map.keyIterator(prefix); keys.hasNext(); ) {
      String key = keys.next();
      if (!key.startsWith(prefix)) {
        break;
      }
      doomed.add(key);
    }
    doomed.forEach(map::remove);
  }

  private static MVMap.Builder<String, byte[]> bytes() {
    return new MVMap.Builder<String, byte[]>().keyType(StringDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE);
  }

  private static MVMap.Builder<String, String> texts() {
    return new MVMap.Builder<String, String>().keyType(StringDataType.INSTANCE).valueType(StringDataType.INSTANCE);
  }
}
