package org.sngw.transport.udp;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.transport.TransportStats;

/**
 * Frames on their way out. Any thread offers without blocking; the channel's event loop drains.
 * The first offer of a burst schedules one drain, which writes all that is queued and flushes once,
 * so a burst of replies costs one wake-up and one flush. Writes and the flush run in the same task,
 * so no frame can land in the channel after the flush meant for it.
 */
final class SendQueue {
  private static final Logger log = LoggerFactory.getLogger(SendQueue.class);

  private record Outbound(InetSocketAddress to, ByteBuffer frame) {}

  private final Queue<Outbound> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final Channel channel;
  private final int capacity;
  private final TransportStats stats;
  private final Runnable drain = this::drain;
  private final ChannelFutureListener whenWritten = this::written;

  SendQueue(Channel channel, int capacity, TransportStats stats) {
    this.channel = channel;
    this.capacity = capacity;
    this.stats = stats;
  }

  /** Queues a frame, or drops and counts it when the channel or this queue is full. */
  void offer(InetSocketAddress to, ByteBuffer frame) {
    if (!channel.isWritable() || !reserve()) {
      stats.dropped().increment();
      log.debug("UDP send queue full, dropped a frame to {}", to);
      return;
    }
    queue.add(new Outbound(to, frame));
    if (drainScheduled.compareAndSet(false, true)) {
      try {
        channel.eventLoop().execute(drain);
      } catch (RejectedExecutionException e) {
        // The I/O threads are shutting down: nothing will be sent any more.
        discardAll();
      }
    }
  }

  private boolean reserve() {
    if (queued.incrementAndGet() > capacity) {
      queued.decrementAndGet();
      return false;
    }
    return true;
  }

  private void drain() {
    // Cleared first: a frame queued from now on schedules its own drain.
    drainScheduled.set(false);
    // At most `capacity` frames were queued before the flag was cleared, and they come first, so
    // this budget covers them all while a fast sender cannot keep the loop from reading.
    int budget = capacity;
    Outbound next;
    while (budget-- > 0 && (next = queue.poll()) != null) {
      queued.decrementAndGet();
      write(next);
    }
    channel.flush();
  }

  private void write(Outbound out) {
    if (!channel.isWritable()) {
      // Hand what is buffered to the kernel before giving up on this frame.
      channel.flush();
    }
    if (!channel.isWritable()) {
      stats.dropped().increment();
      log.debug("UDP channel not writable, dropped a frame to {}", out.to());
      return;
    }
    channel.write(new DatagramPacket(Unpooled.wrappedBuffer(out.frame()), out.to())).addListener(whenWritten);
  }

  private void written(ChannelFuture future) {
    if (future.isSuccess()) {
      stats.sent().increment();
    } else {
      stats.dropped().increment();
      log.debug("UDP send failed: {}", future.cause().toString());
    }
  }

  private void discardAll() {
    while (queue.poll() != null) {
      queued.decrementAndGet();
      stats.dropped().increment();
    }
    drainScheduled.set(false);
  }
}
