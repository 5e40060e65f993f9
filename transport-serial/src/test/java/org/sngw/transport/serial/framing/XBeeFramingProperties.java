package org.sngw.transport.serial.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.transport.serial.framing.XBeeFrames.OFTEN_SPECIAL;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sngw.property.Gen;
import org.sngw.property.PropertyCheck;
import org.sngw.transport.WirelessNodeId;
import org.sngw.transport.serial.framing.XBeeFrames.Item;
import org.sngw.transport.serial.framing.XBeeFrames.Receive;
import org.sngw.transport.serial.framing.XBeeFrames.Status;

/**
 * Receive packets come back with their nodes, in order, past transmit statuses and garbage
 * without a start delimiter, in either API mode and however the stream is cut; escaping round-trips.
 */
class XBeeFramingProperties {
  private static final Gen<List<Integer>> READ_SIZES = Bytes.readSizes(100);

  /** As {@link XBeeFrames#OFTEN_SPECIAL}, but never 0x7E: garbage the reader skips byte by byte. */
  private static final Gen<Byte> NOT_START = draw -> {
    if (draw.weighted(1, 2) == 0) {
      return draw.of((byte) 0x7D, (byte) 0x11, (byte) 0x13);
    }
    int b = draw.between(0, 0xFE);
    return (byte) (b < 0x7E ? b : b + 1);
  };

  private static final Gen<byte[]> GARBAGE = draw -> draw.bytes(0, 6, NOT_START);

  private static final Gen<Stream> STREAMS = draw -> {
    boolean escaped = draw.bool();
    int max = draw.between(1, 300);
    List<Item> items = draw.list(0, 10, item(max));
    List<byte[]> gaps = draw.list(items.size(), items.size(), GARBAGE);
    return new Stream(escaped, max, items, gaps, READ_SIZES.next(draw));
  };

  private static final Gen<Line> LINES = draw -> new Line(
      draw.bytes(0, 3000, OFTEN_SPECIAL), draw.between(1, 300), draw.bool(), READ_SIZES.next(draw));

  private static final Gen<Addressed> ADDRESSED = draw -> new Addressed(
      draw.bytes(8, 8, OFTEN_SPECIAL), draw.bytes(1, 300, OFTEN_SPECIAL));

  @Test
  void read_receivePacketsStatusesAndGarbageInAnyReads_givesThePacketsBackInOrder() {
    PropertyCheck.forAll(STREAMS, stream -> {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < stream.items().size(); i++) {
        line.writeBytes(stream.gaps().get(i));
        Item item = stream.items().get(i);
        line.writeBytes(item.frame(stream.escaped()));
        if (item instanceof Receive receive) {
          expected.add(receive.entry());
        }
      }
      XBeeFrameReader reader = new XBeeFrameReader(stream.max(), stream.escaped());
      RecordingFrameHandler handler = new RecordingFrameHandler();

      for (ByteBuffer read : Bytes.reads(line.toByteArray(), stream.readSizes())) {
        reader.read(read, 0, handler);
      }

      assertThat(handler.frames).containsExactlyElementsOf(expected);
    });
  }

  @Test
  void read_randomBytes_neverThrowsAndKeepsToTheMaximum() {
    PropertyCheck.forAll(LINES, line -> {
      XBeeFrameReader reader = new XBeeFrameReader(line.max(), line.escaped());
      List<Integer> lengths = new ArrayList<>();
      FrameHandler handler = new FrameHandler() {
        @Override
        public void frame(Optional<WirelessNodeId> node, ByteBuffer frame) {
          assertThat(node).get().extracting(WirelessNodeId::length).isEqualTo(8);
          lengths.add(frame.remaining());
        }

        @Override
        public void discarded(String reason) {}
      };

      for (ByteBuffer read : Bytes.reads(line.bytes(), line.readSizes())) {
        reader.read(read, 0, handler);
      }

      assertThat(lengths).allSatisfy(n -> assertThat(n).isBetween(1, line.max()));
    });
  }

  @Test
  void write_escaped_unescapesToTheUnescapedFrameAndHidesEveryControlByte() {
    PropertyCheck.forAll(ADDRESSED, addressed -> {
      Optional<WirelessNodeId> to = Optional.of(WirelessNodeId.of(addressed.node()));
      byte[] plain = Bytes.array(new XBeeFrameWriter(false).write(to, ByteBuffer.wrap(addressed.packet())));
      byte[] escaped = Bytes.array(new XBeeFrameWriter(true).write(to, ByteBuffer.wrap(addressed.packet())));

      assertThat(Bytes.hex(XBeeFrames.unescape(escaped))).isEqualTo(Bytes.hex(plain));
      for (int i = 1; i < escaped.length; i++) {
        assertThat(escaped[i]).isNotIn((byte) 0x7E, (byte) 0x11, (byte) 0x13);
      }
    });
  }

  @Test
  void read_escapedReceivePacket_givesBackControlBytesInNodeAndData() {
    PropertyCheck.forAll(ADDRESSED, addressed -> {
      Receive receive = new Receive(true, addressed.node(), addressed.packet());
      RecordingFrameHandler handler = new RecordingFrameHandler();

      new XBeeFrameReader(300, true).read(ByteBuffer.wrap(receive.frame(true)), 0, handler);

      assertThat(handler.frames).containsExactly(receive.entry());
    });
  }

  /** @param gaps garbage before each item, without a 0x7E */
  record Stream(boolean escaped, int max, List<Item> items, List<byte[]> gaps, List<Integer> readSizes) {}

  /** Bytes that are often control bytes, for a reader of {@code max} bytes of RF data. */
  record Line(byte[] bytes, int max, boolean escaped, List<Integer> readSizes) {}

  /** A node's 8-byte address and a packet to or from it. */
  record Addressed(byte[] node, byte[] packet) {}

  /** Receive packets four times as often as transmit statuses. */
  private static Gen<Item> item(int max) {
    return draw -> draw.weighted(4, 1) == 0
        ? new Receive(draw.bool(), draw.bytes(8, 8, OFTEN_SPECIAL), draw.bytes(1, max, OFTEN_SPECIAL))
        : new Status(draw.bool(), draw.anyByte());
  }
}
