package org.sngw.transport.serial.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.sngw.property.Allocations;
import org.sngw.transport.WirelessNodeId;

/**
 * What a {@link FrameReader} owes any bytes from a serial line, checked by the fuzz tests on the
 * fuzzer's bytes at each of {@link #MAXIMA}:
 *
 * <ul>
 *   <li>every frame is non-empty, within the maximum, and from a node of the framing's kind;
 *   <li>the line gives the same frames read whole, one byte at a time, or cut as its tail says;
 *   <li>the line as garbage, then the framing's {@link Recovery}, then a valid frame made of the
 *       line's bytes: that frame comes out last, byte for byte;
 *   <li>what reading allocates grows with the line, not with a length field in it.
 * </ul>
 *
 * <p>The cuts come from the line's own last bytes rather than from a trailer, so a real capture
 * is a meaningful seed as it is.
 */
final class ReaderContract {
  /** A small maximum that real frames outgrow, and the gateway's own (Gateway.MAX_SERIAL_FRAME). */
  static final int[] MAXIMA = {16, 2048};

  /**
   * Reading allocates the reader's buffer, a view per frame and a reason per report, never an
   * amount a length field asks for: 64 KiB for the 3 bytes of an XBee or 3-byte MQTT-SN header.
   */
  private static final long ALLOCATION_BASE = 16 * 1024;
  private static final long ALLOCATION_PER_BYTE = 256;

  /** How many of the line's last bytes choose read sizes. */
  private static final int CUT_BYTES = 8;
  private static final int LARGEST_CUT = 64;

  private static final FrameHandler IGNORING = new FrameHandler() {
    @Override
    public void frame(Optional<WirelessNodeId> radioNode, ByteBuffer frame) {}

    @Override
    public void discarded(String reason) {}
  };

  private final IntFunction<FrameReader> readers;
  /** 0 for a line that carries no radio node. */
  private final int nodeLength;
  private final Recovery recovery;

  /** How a framing finds the next frame after garbage. */
  @FunctionalInterface
  interface Recovery {
    /** What follows {@code garbage} for a reader of {@code max}-byte frames. */
    Resumption after(byte[] garbage, int max);
  }

  /**
   * @param gapNanos how long after the garbage the bytes come
   * @param bytes the resynchronisation point, if it is in bytes, then the frame
   * @param frame the frame as {@link RecordingFrameHandler} records it
   */
  record Resumption(long gapNanos, byte[] bytes, String frame) {}

  private ReaderContract(IntFunction<FrameReader> readers, int nodeLength, Recovery recovery) {
    this.readers = readers;
    this.nodeLength = nodeLength;
    this.recovery = recovery;
  }

  /** A point-to-point line: frames come without a node. */
  static ReaderContract line(IntFunction<FrameReader> readers, Recovery recovery) {
    return new ReaderContract(readers, 0, recovery);
  }

  /** A radio line: each frame comes from a node of {@code nodeLength} bytes. */
  static ReaderContract radio(int nodeLength, IntFunction<FrameReader> readers, Recovery recovery) {
    return new ReaderContract(readers, nodeLength, recovery);
  }

  void check(byte[] line) {
    List<Integer> cuts = cuts(line);
    for (int max : MAXIMA) {
      List<String> whole = frames(max, List.of(ByteBuffer.wrap(line)));
      assertThat(frames(max, Bytes.reads(line, List.of(1)))).as("one byte at a time").isEqualTo(whole);
      assertThat(frames(max, Bytes.reads(line, cuts))).as("in reads of %s", cuts).isEqualTo(whole);
      checkRecovery(line, max, cuts);
      assertThat(Allocations.of(() -> readers.apply(max).read(ByteBuffer.wrap(line), 0, IGNORING)))
          .as("bytes allocated reading %d bytes", line.length)
          .isLessThan(ALLOCATION_BASE + ALLOCATION_PER_BYTE * line.length);
    }
  }

  private void checkRecovery(byte[] garbage, int max, List<Integer> cuts) {
    Resumption next = recovery.after(garbage, max);
    FrameReader reader = readers.apply(max);
    Checked handler = new Checked(max);
    for (ByteBuffer read : Bytes.reads(garbage, cuts)) {
      reader.read(read, 0, handler);
    }
    for (ByteBuffer read : Bytes.reads(next.bytes(), cuts)) {
      reader.read(read, next.gapNanos(), handler);
    }
    assertThat(handler.frames).as("frames of the garbage and after it").isNotEmpty();
    assertThat(handler.frames.get(handler.frames.size() - 1)).as("the last frame").isEqualTo(next.frame());
  }

  private List<String> frames(int max, List<ByteBuffer> reads) {
    FrameReader reader = readers.apply(max);
    Checked handler = new Checked(max);
    for (ByteBuffer read : reads) {
      reader.read(read, 0, handler);
    }
    return handler.frames;
  }

  /** Read sizes from the line's last bytes, the last byte first. */
  private static List<Integer> cuts(byte[] line) {
    List<Integer> sizes = new ArrayList<>();
    for (int i = line.length - 1; i >= Math.max(0, line.length - CUT_BYTES); i--) {
      sizes.add(1 + (line[i] & 0xFF) % LARGEST_CUT);
    }
    return sizes.isEmpty() ? List.of(1) : sizes;
  }

  /** Records frames as {@link RecordingFrameHandler} does, each checked first. */
  private final class Checked implements FrameHandler {
    private final int max;
    private final List<String> frames = new ArrayList<>();

    Checked(int max) {
      this.max = max;
    }

    @Override
    public void frame(Optional<WirelessNodeId> radioNode, ByteBuffer frame) {
      assertThat(frame.remaining()).as("frame length").isBetween(1, max);
      if (nodeLength == 0) {
        assertThat(radioNode).as("radio node").isEmpty();
      } else {
        assertThat(radioNode).as("radio node").get().extracting(WirelessNodeId::length).isEqualTo(nodeLength);
      }
      frames.add(RecordingFrameHandler.entry(radioNode, Bytes.hex(frame)));
    }

    @Override
    public void discarded(String reason) {}
  }
}
