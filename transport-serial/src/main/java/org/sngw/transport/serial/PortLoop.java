package org.sngw.transport.serial;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.time.Backoff;
import org.sngw.transport.serial.framing.FrameReader;

/**
 * The port thread: opens the port, retrying with backoff while it is missing; reads it through a
 * fresh frame reader until it fails or the transport closes; when it fails, closes it, reports the
 * sensors heard on it as lost and starts retrying. Owns the open line, the reader and the peers
 * heard; only {@link #stop} is called from other threads.
 */
final class PortLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(PortLoop.class);
  private static final int READ_BUFFER_BYTES = 4096;

  private final String device;
  private final PortEnvironment environment;
  private final Supplier<FrameReader> readers;
  private final FrameDispatcher dispatcher;
  private final ActiveLine active;
  private final Backoff backoff;
  private final LongAdder reopens;
  private final LongAdder bytesRead;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final byte[] buffer = new byte[READ_BUFFER_BYTES];

  PortLoop(String device, PortEnvironment environment, Supplier<FrameReader> readers,
      FrameDispatcher dispatcher, ActiveLine active, Backoff backoff, LongAdder reopens, LongAdder bytesRead) {
    this.device = device;
    this.environment = environment;
    this.readers = readers;
    this.dispatcher = dispatcher;
    this.active = active;
    this.backoff = backoff;
    this.reopens = reopens;
    this.bytesRead = bytesRead;
  }

  /** Asks the loop to close the port and end: at once when waiting, within a read timeout when reading. */
  void stop() {
    closing.countDown();
  }

  private boolean stopping() {
    return closing.getCount() == 0;
  }

  @Override
  public void run() {
    PortEvents events = environment.events();
    boolean openedBefore = false;
    boolean outageReported = false;
    int failures = 0;
    while (!stopping()) {
      try {
        SerialLine line = environment.opener().open();
        failures = 0;
        outageReported = false;
        if (openedBefore) {
          reopens.increment();
          events.reopened();
        } else {
          events.opened();
          openedBefore = true;
        }
        Optional<String> lost = serve(line);
        if (lost.isEmpty()) {
          return;
        }
        events.lost(lost.get(), dispatcher.heardCount());
        dispatcher.loseAll();
        outageReported = true;
      } catch (IOException e) {
        if (outageReported) {
          events.stillUnavailable(e.getMessage());
        } else {
          events.unavailable(e.getMessage());
          outageReported = true;
        }
      }
      if (!pause(backoff.delay(failures++))) {
        return;
      }
    }
  }

  /** Reads the line until it fails (the reason) or the transport closes (empty); closes it either way. */
  private Optional<String> serve(SerialLine line) {
    FrameReader reader = readers.get();
    active.set(line);
    try {
      while (!stopping()) {
        int read = line.read(buffer);
        if (read > 0) {
          bytesRead.add(read);
          reader.read(ByteBuffer.wrap(buffer, 0, read), environment.clock().nanos(), dispatcher);
        }
        Optional<String> writeFailure = active.failure(line);
        if (writeFailure.isPresent()) {
          return writeFailure;
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    } catch (RuntimeException e) {
      // A framing bug: better a fresh reader on a reopened port than a dead port thread.
      log.error("Serial port {}: reading failed unexpectedly", device, e);
      return Optional.of("internal error: " + e);
    } finally {
      active.clear();
      line.close();
    }
  }

  private boolean pause(Duration delay) {
    try {
      environment.pause().await(delay, closing);
      return !stopping();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
