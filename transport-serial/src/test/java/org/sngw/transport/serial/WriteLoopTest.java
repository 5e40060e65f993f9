package org.sngw.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.sngw.transport.TransportStats;
import org.sngw.transport.WirelessNodeId;
import org.sngw.transport.serial.framing.FrameWriter;

class WriteLoopTest {
  private static final WirelessNodeId NODE = WirelessNodeId.of(new byte[] {7});

  private final ActiveLine active = new ActiveLine();
  private final TransportStats stats = new TransportStats("serial", Optional.empty());
  private final LongAdder bytesWritten = new LongAdder();
  private final FakeLine line = new FakeLine();

  private WriteLoop loop(FrameWriter writer) {
    return new WriteLoop(new ArrayBlockingQueue<>(4), writer, active, stats, bytesWritten);
  }

  @Test
  void write_openLine_writesFramedBytesAndCounts() {
    active.set(line);

    loop(new TaggedFraming()).write(new Outbound(Optional.of(NODE), ByteBuffer.wrap(new byte[] {2, 0x17})));

    assertThat(line.written).singleElement().isEqualTo(new byte[] {1, 7, 2, 0x17});
    assertThat(stats.sent().sum()).isEqualTo(1);
    assertThat(bytesWritten.sum()).isEqualTo(4);
  }

  @Test
  void write_noLineOpen_dropsAndCounts() {
    loop(new TaggedFraming()).write(new Outbound(Optional.empty(), ByteBuffer.wrap(new byte[] {2, 0x17})));

    assertThat(stats.dropped().sum()).isEqualTo(1);
  }

  @Test
  void write_framingRefuses_dropsAndKeepsTheLine() {
    active.set(line);
    FrameWriter needsNode = (node, frame) -> {
      throw new IllegalArgumentException("XBee frames need a radio node");
    };

    loop(needsNode).write(new Outbound(Optional.empty(), ByteBuffer.wrap(new byte[] {2, 0x17})));

    assertThat(stats.dropped().sum()).isEqualTo(1);
    assertThat(active.failure(line)).isEmpty();
  }

  @Test
  void write_lineFails_dropsAndReportsItForThePortThread() {
    active.set(line);
    line.failWrites("EIO");

    loop(new TaggedFraming()).write(new Outbound(Optional.empty(), ByteBuffer.wrap(new byte[] {2, 0x17})));

    assertThat(stats.dropped().sum()).isEqualTo(1);
    assertThat(stats.sent().sum()).isZero();
    assertThat(active.failure(line)).contains("EIO");
  }
}
