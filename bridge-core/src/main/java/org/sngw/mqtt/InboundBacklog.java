package org.sngw.mqtt;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sngw.message.Message;

/**
 * What one connection has handed the core and the core has not finished: packets not yet handled,
 * and publishes the broker has not answered yet. Past {@link #MAX_PACKETS} or {@link #MAX_BYTES}
 * the socket is no longer read, so a fast client waits in TCP instead of in the core's queue; at
 * half of both, reading resumes. A subscriber that holds answers back (a full queue) slows its
 * publishers the same way.
 *
 * <p>Packets are added on the channel's event loop and finished on the core thread. Reading is
 * switched only on the event loop, and a resume checks the backlog again there, so a resume can
 * never overtake a pause that followed it.
 */
final class InboundBacklog {
  static final int MAX_PACKETS = 64;
  static final long MAX_BYTES = 1 << 20;

  private final Channel channel;
  private final AtomicInteger packets = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();

  InboundBacklog(Channel channel) {
    this.channel = channel;
  }

  /** On the event loop, before a packet of {@code size} bytes goes to the core. */
  void added(int size) {
    int waiting = packets.incrementAndGet();
    long waitingBytes = bytes.addAndGet(size);
    if (waiting >= MAX_PACKETS || waitingBytes >= MAX_BYTES) {
      channel.config().setAutoRead(false);
    }
  }

  /** On the core thread, once a packet added with this size is done with. */
  void finished(int size) {
    packets.decrementAndGet();
    bytes.addAndGet(-size);
    if (isLow() && !channel.config().isAutoRead()) {
      if (channel.eventLoop().inEventLoop()) {
        resumeIfLow();
      } else {
        channel.eventLoop().execute(this::resumeIfLow);
      }
    }
  }

  private void resumeIfLow() {
    if (isLow()) {
      channel.config().setAutoRead(true);
    }
  }

  /** What a publish counts for in the backlog's bytes. */
  static int sizeOf(Message message) {
    return message.topic().length() + message.payload().length;
  }

  private boolean isLow() {
    return packets.get() <= MAX_PACKETS / 2 && bytes.get() <= MAX_BYTES / 2;
  }
}
