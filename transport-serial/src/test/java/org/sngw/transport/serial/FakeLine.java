package org.sngw.transport.serial;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A serial line in memory: the test queues what the port reads and sees what was written. */
final class FakeLine implements SerialLine {
  private static final byte[] UNPLUGGED = new byte[0];

  final BlockingQueue<byte[]> written = new LinkedBlockingQueue<>();
  final AtomicInteger writesStarted = new AtomicInteger();
  private final BlockingQueue<byte[]> inbound = new LinkedBlockingQueue<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean stuck;
  private volatile String writeFailure;

  /** The next read returns this chunk. */
  void receive(byte[] chunk) {
    inbound.add(chunk);
  }

  /** Reads fail from now on, as they do when a USB adapter is pulled. */
  void unplug() {
    inbound.add(UNPLUGGED);
  }

  /** Writes block until the line is closed, as under flow control that never lets go. */
  void stick() {
    stuck = true;
  }

  void failWrites(String reason) {
    writeFailure = reason;
  }

  boolean isClosed() {
    return closed.getCount() == 0;
  }

  @Override
  public int read(byte[] into) throws IOException {
    if (isClosed()) {
      throw new IOException("closed");
    }
    byte[] chunk;
    try {
      // Stands for the real line's read timeout.
      chunk = inbound.poll(10, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
    if (chunk == null) {
      return 0;
    }
    if (chunk == UNPLUGGED) {
      throw new IOException("unplugged");
    }
    System.arraycopy(chunk, 0, into, 0, chunk.length);
    return chunk.length;
  }

  @Override
  public void write(ByteBuffer bytes) throws IOException {
    writesStarted.incrementAndGet();
    if (stuck) {
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (isClosed()) {
      throw new IOException("closed");
    }
    if (writeFailure != null) {
      throw new IOException(writeFailure);
    }
    byte[] copy = new byte[bytes.remaining()];
    bytes.get(copy);
    written.add(copy);
  }

  @Override
  public void close() {
    closed.countDown();
  }
}
