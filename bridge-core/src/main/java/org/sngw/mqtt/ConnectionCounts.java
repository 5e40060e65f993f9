package org.sngw.mqtt;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many TCP connections the listener holds, before and after CONNECT, so that neither kind can
 * grow past its limit. Updated on the I/O threads, from accept to close.
 */
final class ConnectionCounts {
  /** Set on a channel whose CONNECT was accepted: it counts as connected, no longer as pending. */
  private static final AttributeKey<Boolean> CONNECTED = AttributeKey.valueOf("sngw.mqtt.connected");

  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicInteger connected = new AtomicInteger();

  /** A new connection, counted until it connects or closes; false (and not counted) past the limit. */
  boolean tryAccept(Channel channel, int maxPending) {
    if (pending.incrementAndGet() > maxPending) {
      pending.decrementAndGet();
      return false;
    }
    channel.closeFuture().addListener(closed -> {
      if (!channel.hasAttr(CONNECTED)) {
        pending.decrementAndGet();
      }
    });
    return true;
  }

  /** CONNECT accepted: the connection moves from pending to connected; false past the limit. */
  boolean tryConnect(Channel channel, int maxConnections) {
    if (connected.incrementAndGet() > maxConnections) {
      connected.decrementAndGet();
      return false;
    }
    channel.attr(CONNECTED).set(Boolean.TRUE);
    pending.decrementAndGet();
    channel.closeFuture().addListener(closed -> connected.decrementAndGet());
    return true;
  }

  int pending() {
    return pending.get();
  }

  int connected() {
    return connected.get();
  }
}
