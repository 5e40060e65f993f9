package org.sngw.transport.serial;

import org.sngw.time.Backoff;
import java.util.Objects;

/**
 * Tuning of a serial transport beyond the port's own settings.
 *
 * @param maxFrameSize the largest MQTT-SN frame sent or expected; the frame reader should be built
 *     with the same limit
 * @param sendQueueCapacity frames that may wait for the writer thread before further sends are
 *     dropped
 * @param reopenBackoff the waits between attempts to open a missing or failed port
 */
public record SerialTransportOptions(int maxFrameSize, int sendQueueCapacity, Backoff reopenBackoff) {
  /** A few bursts of replies; at 115200 baud that is well under a second of line time. */
  public static final int DEFAULT_SEND_QUEUE_CAPACITY = 256;

  public SerialTransportOptions {
    Objects.requireNonNull(reopenBackoff, "reopenBackoff");
    if (maxFrameSize < 2) {
      throw new IllegalArgumentException("maxFrameSize must be at least 2: " + maxFrameSize);
    }
    if (sendQueueCapacity < 1) {
      throw new IllegalArgumentException("sendQueueCapacity must be positive: " + sendQueueCapacity);
    }
  }

  /** Frames up to {@code maxFrameSize} bytes, the default queue and backoff. */
  public static SerialTransportOptions of(int maxFrameSize) {
    return new SerialTransportOptions(maxFrameSize, DEFAULT_SEND_QUEUE_CAPACITY, Backoff.DEFAULT);
  }

  public SerialTransportOptions withSendQueueCapacity(int capacity) {
    return new SerialTransportOptions(maxFrameSize, capacity, reopenBackoff);
  }

  public SerialTransportOptions withReopenBackoff(Backoff backoff) {
    return new SerialTransportOptions(maxFrameSize, sendQueueCapacity, backoff);
  }
}
