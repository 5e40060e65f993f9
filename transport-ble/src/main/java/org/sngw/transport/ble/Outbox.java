package org.sngw.transport.ble;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.transport.TransportStats;
import org.sngw.transport.ble.central.BleConnection;

/**
 * One device's outgoing frames: a bounded queue that any thread may offer to without blocking, and
 * a writer on the loop that sends each frame as payload-sized chunks, one write at a time: the next
 * chunk goes only once the previous write completed, which paces a burst to what the peripheral
 * takes. The queue is the only part shared between threads; the write state belongs to the loop.
 */
final class Outbox {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final String device;
  private final BleConnection connection;
  private final boolean withResponse;
  private final Executor loop;
  private final TransportStats stats;
  private final BlockingQueue<ByteBuffer> queue;
  /** Whether a wake-up is already on its way to the loop, so a burst of sends posts only one. */
  private final AtomicBoolean wakeQueued = new AtomicBoolean();
  private final LongAdder droppedHere = new LongAdder();
  private volatile boolean closed;
  private Fragments current;
  private boolean writing;

  Outbox(String device, BleConnection connection, boolean withResponse, int capacity, Executor loop,
      TransportStats stats) {
    this.device = device;
    this.connection = connection;
    this.withResponse = withResponse;
    this.loop = loop;
    this.stats = stats;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Counts a frame for this device that will not be sent, in the transport's total and the device's own. */
  void dropped() {
    stats.dropped().increment();
    droppedHere.increment();
  }

  /** Frames for this device dropped while it has been connected. */
  long droppedSoFar() {
    return droppedHere.sum();
  }

  /** Queues a frame, from any thread; false, with nothing queued, when full or closed. */
  boolean offer(ByteBuffer frame) {
    if (closed || !queue.offer(frame)) {
      return false;
    }
    if (wakeQueued.compareAndSet(false, true)) {
      loop.execute(this::wake);
    }
    return true;
  }

  /** On the loop: the link is gone; frames still queued or half written are dropped and counted. */
  void close() {
    closed = true;
    if (current != null) {
      current = null;
      dropped();
    }
    discardQueued();
  }

  private void wake() {
    // Cleared before polling: a frame offered after the poll below posts a wake-up of its own.
    wakeQueued.set(false);
    if (closed) {
      // Offered while the link was closing.
      discardQueued();
      return;
    }
    writeNext();
  }

  private void writeNext() {
    if (writing || closed) {
      return;
    }
    if (current == null) {
      ByteBuffer frame = queue.poll();
      if (frame == null) {
        return;
      }
      current = new Fragments(frame, connection.payloadSize());
    }
    writing = true;
    CompletableFuture<Void> write;
    try {
      write = connection.write(current.next(), withResponse);
    } catch (RuntimeException e) {
      write = CompletableFuture.failedFuture(e);
    }
    write.whenComplete((ok, error) -> loop.execute(() -> written(error)));
  }

  private void written(Throwable error) {
    writing = false;
    if (closed) {
      return;
    }
    if (error != null) {
      // The rest of the frame would be garbage to the peripheral's framer without this chunk.
      dropped();
      log.debug("BLE device {}: a write failed, dropping the frame: {}", device, error.toString());
      current = null;
    } else if (!current.hasNext()) {
      stats.sent().increment();
      current = null;
    }
    writeNext();
  }

  private void discardQueued() {
    int dropped = 0;
    while (queue.poll() != null) {
      dropped++;
    }
    stats.dropped().add(dropped);
  }
}
