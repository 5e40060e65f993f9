package org.sngw.transport.serial.framing;

import java.time.Duration;
import org.sngw.sn.framing.LengthFramer;

/** The reader and writer for each configured {@link Framing}. */
public final class Framings {
  private Framings() {}

  /**
   * A fresh reader for one port; plain framing drops partial frames after {@link
   * LengthFramer#DEFAULT_INTER_BYTE_TIMEOUT}.
   *
   * @param maxFrameSize the longest MQTT-SN packet taken; longer ones are discarded
   */
  public static FrameReader reader(Framing framing, int maxFrameSize) {
    return reader(framing, maxFrameSize, LengthFramer.DEFAULT_INTER_BYTE_TIMEOUT);
  }

  /** @param plainInterByteTimeout how long plain framing waits for the rest of a frame */
  public static FrameReader reader(Framing framing, int maxFrameSize, Duration plainInterByteTimeout) {
    return switch (framing) {
      case PLAIN -> new PlainFrameReader(maxFrameSize, plainInterByteTimeout);
      case COBS -> new CobsFrameReader(maxFrameSize, false);
      case COBS_CRC -> new CobsFrameReader(maxFrameSize, true);
      case XBEE -> new XBeeFrameReader(maxFrameSize, false);
      case XBEE_ESCAPED -> new XBeeFrameReader(maxFrameSize, true);
    };
  }

  /** A fresh writer for one port. */
  public static FrameWriter writer(Framing framing) {
    return switch (framing) {
      case PLAIN -> new PlainFrameWriter();
      case COBS -> new CobsFrameWriter(false);
      case COBS_CRC -> new CobsFrameWriter(true);
      case XBEE -> new XBeeFrameWriter(false);
      case XBEE_ESCAPED -> new XBeeFrameWriter(true);
    };
  }
}
