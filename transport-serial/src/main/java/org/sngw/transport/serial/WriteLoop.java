package org.sngw.transport.serial;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.transport.TransportStats;
import org.sngw.transport.serial.framing.FrameWriter;

/**
 * The writer thread: frames what is queued and writes it to the open line, one frame at a time, so
 * that a slow or stuck line holds up this thread alone and never a caller of send.
 */
final class WriteLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(WriteLoop.class);

  private final BlockingQueue<Outbound> queue;
  private final FrameWriter writer;
  private final ActiveLine active;
  private final TransportStats stats;
  private final LongAdder bytesWritten;

  WriteLoop(BlockingQueue<Outbound> queue, FrameWriter writer, ActiveLine active, TransportStats stats,
      LongAdder bytesWritten) {
    this.queue = queue;
    this.writer = writer;
    this.active = active;
    this.stats = stats;
    this.bytesWritten = bytesWritten;
  }

  /** Runs until interrupted, which is how the transport stops it. */
  @Override
  public void run() {
    try {
      while (true) {
        write(queue.take());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void write(Outbound out) {
    Optional<SerialLine> line = active.get();
    if (line.isEmpty()) {
      drop("the port is not open");
      return;
    }
    ByteBuffer bytes;
    try {
      bytes = writer.write(out.radioNode(), out.frame());
    } catch (RuntimeException e) {
      drop("the framing refused it: " + e.getMessage());
      return;
    }
    int length = bytes.remaining();
    try {
      line.get().write(bytes);
      // Bytes first: whoever sees the frame counted sees its bytes too.
      bytesWritten.add(length);
      stats.sent().increment();
    } catch (IOException e) {
      drop(e.getMessage());
      active.writeFailed(line.get(), e.getMessage());
    }
  }

  private void drop(String why) {
    stats.dropped().increment();
    log.debug("Serial writer dropped a frame: {}", why);
  }
}
