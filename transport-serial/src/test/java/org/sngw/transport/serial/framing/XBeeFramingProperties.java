package org.sngw.transport.serial.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.sngw.transport.WirelessNodeId;

/**
 * Receive packets come back with their nodes, in order, past transmit statuses and garbage
 * without a start delimiter, in either API mode and however the stream is cut; escaping round-trips.
 */
class XBeeFramingProperties {

  @Property
  void read_receivePacketsStatusesAndGarbageInAnyReads_givesThePacketsBackInOrder(
      @ForAll("streams") Stream stream, @ForAll boolean escaped) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < stream.items.size(); i++) {
      line.writeBytes(stream.gaps.get(i));
      Item item = stream.items.get(i);
      line.writeBytes(escaped ? escape(item.frame()) : item.frame());
      if (item instanceof Receive receive) {
        expected.add(Bytes.hex(receive.node) + "/" + Bytes.hex(receive.data));
      }
    }
    XBeeFrameReader reader = new XBeeFrameReader(stream.max, escaped);
    RecordingFrameHandler handler = new RecordingFrameHandler();

    for (ByteBuffer read : Bytes.reads(line.toByteArray(), stream.readSizes)) {
      reader.read(read, 0, handler);
    }

    assertThat(handler.frames).containsExactlyElementsOf(expected);
  }

  @Property
  void read_randomBytes_neverThrowsAndKeepsToTheMaximum(
      @ForAll @Size(max = 3000) List<@From("oftenSpecial") Byte> bytes,
      @ForAll @IntRange(min = 1, max = 300) int max,
      @ForAll boolean escaped,
      @ForAll("readSizes") List<Integer> readSizes) {
    XBeeFrameReader reader = new XBeeFrameReader(max, escaped);
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

    for (ByteBuffer read : Bytes.reads(toArray(bytes), readSizes)) {
      reader.read(read, 0, handler);
    }

    assertThat(lengths).allSatisfy(n -> assertThat(n).isBetween(1, max));
  }

  @Property
  void write_escaped_unescapesToTheUnescapedFrameAndHidesEveryControlByte(
      @ForAll @Size(8) List<@From("oftenSpecial") Byte> node,
      @ForAll @Size(min = 1, max = 300) List<@From("oftenSpecial") Byte> packet) {
    Optional<WirelessNodeId> to = Optional.of(WirelessNodeId.of(toArray(node)));
    byte[] plain = toArray(new XBeeFrameWriter(false).write(to, ByteBuffer.wrap(toArray(packet))));
    byte[] escaped = toArray(new XBeeFrameWriter(true).write(to, ByteBuffer.wrap(toArray(packet))));

    assertThat(Bytes.hex(unescape(escaped))).isEqualTo(Bytes.hex(plain));
    for (int i = 1; i < escaped.length; i++) {
      assertThat(escaped[i]).isNotIn((byte) 0x7E, (byte) 0x11, (byte) 0x13);
    }
  }

  @Property
  void read_escapedReceivePacket_givesBackControlBytesInNodeAndData(
      @ForAll @Size(8) List<@From("oftenSpecial") Byte> node,
      @ForAll @Size(min = 1, max = 300) List<@From("oftenSpecial") Byte> data) {
    Receive receive = new Receive(true, toArray(node), toArray(data));
    RecordingFrameHandler handler = new RecordingFrameHandler();

    new XBeeFrameReader(300, true).read(ByteBuffer.wrap(escape(receive.frame())), 0, handler);

    assertThat(handler.frames).containsExactly(Bytes.hex(receive.node) + "/" + Bytes.hex(receive.data));
  }

  /** One API frame as a coordinator sends it in mode 1. */
  sealed interface Item {
    byte[] frame();
  }

  /** 0x90 ZigBee Receive Packet or 0x80 RX Packet 64-bit. */
  record Receive(boolean zigbee, byte[] node, byte[] data) implements Item {
    public byte[] frame() {
      ByteArrayOutputStream frameData = new ByteArrayOutputStream();
      frameData.write(zigbee ? 0x90 : 0x80);
      frameData.writeBytes(node);
      if (zigbee) {
        frameData.writeBytes(new byte[] {0x7D, (byte) 0x84, 0x01}); // 16-bit address, options
      } else {
        frameData.writeBytes(new byte[] {0x28, 0x00}); // RSSI, options
      }
      frameData.writeBytes(data);
      return envelope(frameData.toByteArray());
    }
  }

  /** 0x8B ZigBee Transmit Status or 0x89 TX Status, for a frame id. */
  record Status(boolean zigbee, byte frameId) implements Item {
    public byte[] frame() {
      return envelope(zigbee
          ? new byte[] {(byte) 0x8B, frameId, 0x7D, (byte) 0x84, 0, 0, 0}
          : new byte[] {(byte) 0x89, frameId, 0});
    }
  }

  /** @param gaps garbage before each item, without a 0x7E */
  record Stream(int max, List<Item> items, List<byte[]> gaps, List<Integer> readSizes) {}

  @Provide
  Arbitrary<Stream> streams() {
    return Arbitraries.integers().between(1, 300).flatMap(max -> item(max).list().ofMaxSize(10)
        .flatMap(items -> Combinators.combine(
                garbage().list().ofSize(items.size()), readSizes())
            .as((gaps, readSizes) -> new Stream(max, items, gaps, readSizes))));
  }

  @Provide
  Arbitrary<List<Integer>> readSizes() {
    return Arbitraries.oneOf(
        Arbitraries.just(List.of(1)),
        Arbitraries.just(List.of(Integer.MAX_VALUE)),
        Arbitraries.integers().between(1, 100).list().ofMinSize(1).ofMaxSize(10));
  }

  /** Bytes that are often 0x7E, 0x7D, 0x11 or 0x13. */
  @Provide
  Arbitrary<Byte> oftenSpecial() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of((byte) 0x7E, (byte) 0x7D, (byte) 0x11, (byte) 0x13)),
        Tuple.of(2, Arbitraries.bytes()));
  }

  private Arbitrary<Item> item(int max) {
    Arbitrary<byte[]> bytes8 = oftenSpecial().list().ofSize(8).map(XBeeFramingProperties::toArray);
    Arbitrary<byte[]> data = oftenSpecial().list().ofMinSize(1).ofMaxSize(max).map(XBeeFramingProperties::toArray);
    return Arbitraries.frequencyOf(
        Tuple.of(4, Combinators.combine(Arbitraries.of(true, false), bytes8, data).as(Receive::new)),
        Tuple.of(1, Combinators.combine(Arbitraries.of(true, false), Arbitraries.bytes()).as(Status::new)));
  }

  private Arbitrary<byte[]> garbage() {
    return oftenSpecial().filter(b -> b != 0x7E).list().ofMaxSize(6).map(XBeeFramingProperties::toArray);
  }

  /** Start delimiter, length, frame data and checksum, computed here independently. */
  static byte[] envelope(byte[] frameData) {
    byte[] out = new byte[frameData.length + 4];
    out[0] = 0x7E;
    out[1] = (byte) (frameData.length >> 8);
    out[2] = (byte) frameData.length;
    System.arraycopy(frameData, 0, out, 3, frameData.length);
    int sum = 0;
    for (byte b : frameData) {
      sum += b & 0xFF;
    }
    out[out.length - 1] = (byte) (0xFF - (sum & 0xFF));
    return out;
  }

  /** API mode 2 of a mode 1 frame, escaped here independently. */
  static byte[] escape(byte[] frame) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(frame[0]);
    for (int i = 1; i < frame.length; i++) {
      int b = frame[i] & 0xFF;
      if (b == 0x7E || b == 0x7D || b == 0x11 || b == 0x13) {
        out.write(0x7D);
        out.write(b ^ 0x20);
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  static byte[] unescape(byte[] escaped) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < escaped.length; i++) {
      out.write(escaped[i] == 0x7D ? escaped[++i] ^ 0x20 : escaped[i]);
    }
    return out.toByteArray();
  }

  private static byte[] toArray(List<Byte> bytes) {
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }

  private static byte[] toArray(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
