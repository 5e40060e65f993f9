package org.sngw.sn.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.sn.codec.SnFrames.concat;
import static org.sngw.sn.codec.SnFrames.toArray;

import java.nio.ByteBuffer;
import java.util.Map;
import org.sngw.property.Allocations;

/**
 * What the decoder promises for any bytes at all, checked by the property tests and the fuzz test
 * alike: it never throws and leaves the buffer alone; it answers the same wherever the frame sits;
 * a malformed result points inside the input; an accepted packet re-encodes to the input in its
 * canonical form; and it allocates no more than the input can justify.
 *
 * <p>The canonical form differs from what a sensor may send in three documented ways only: the
 * 1-byte Length form wherever it fits, flag bits the message type does not use written as 0, and a
 * will topic of flags alone (meaning "no will") written without the flags.
 */
final class SnDecoderContract {
  /** Flag bits each message type ignores; every other bit of its Flags byte round-trips. */
  private static final Map<SnMessageType, Integer> IGNORED_FLAGS = Map.of(
      SnMessageType.CONNECT, 0xF3,
      SnMessageType.WILLTOPIC, 0x8F,
      SnMessageType.WILLTOPICUPD, 0x8F,
      SnMessageType.PUBLISH, 0x0C,
      SnMessageType.SUBSCRIBE, 0x1C,
      SnMessageType.UNSUBSCRIBE, 0xFC,
      SnMessageType.SUBACK, 0x9F);
  /** Bits of an encapsulation's Ctrl byte besides the radius. */
  private static final int IGNORED_CTRL = 0xFC;
  private static final long ALLOCATION_ALLOWANCE = 16 * 1024;
  private static final int ALLOCATION_PER_BYTE = 8;

  private SnDecoderContract() {}

  static void check(byte[] bytes) {
    ByteBuffer heap = ByteBuffer.wrap(bytes);
    SnDecodeResult result = SnDecoder.decode(heap);

    assertThat(result).isNotNull();
    assertThat(heap.position()).isZero();
    assertThat(heap.limit()).isEqualTo(bytes.length);
    assertThat(SnDecoder.decode(atOffset(bytes))).isEqualTo(result);
    assertThat(SnDecoder.decode(direct(bytes))).isEqualTo(result);
    if (result instanceof SnPacket packet) {
      assertReencodesCanonically(bytes, packet);
    } else {
      SnMalformed malformed = (SnMalformed) result;
      assertThat(malformed.offset()).as(malformed.detail()).isBetween(0, Math.max(0, bytes.length - 1));
    }
    assertThat(Allocations.of(() -> SnDecoder.decode(ByteBuffer.wrap(bytes))))
        .as("bytes allocated decoding %d bytes", bytes.length)
        .isLessThan(ALLOCATION_ALLOWANCE + ALLOCATION_PER_BYTE * bytes.length);
  }

  private static void assertReencodesCanonically(byte[] input, SnPacket packet) {
    byte[] encoded = toArray(SnEncoder.encode(packet));
    assertThat(SnDecoder.decode(ByteBuffer.wrap(encoded))).isEqualTo(packet);
    int in = 0;
    int out = 0;
    if (packet instanceof SnPacket.Encapsulated) {
      int header = input[0] & 0xFF;
      assertThat(encoded[0] & 0xFF).isEqualTo(header);
      assertOnlyIgnoredBitsDiffer(input, encoded, 2, IGNORED_CTRL);
      assertThat(java.util.Arrays.copyOfRange(encoded, 3, header))
          .isEqualTo(java.util.Arrays.copyOfRange(input, 3, header));
      in = out = header;
    }
    SnMessageType type = packet instanceof SnPacket.Encapsulated e ? e.inner().type() : packet.type();
    int bodyIn = in + ((input[in] & 0xFF) == 0x01 ? 4 : 2);
    int bodyOut = out + ((encoded[out] & 0xFF) == 0x01 ? 4 : 2);
    assertThat(encoded[bodyOut - 1]).isEqualTo(input[bodyIn - 1]);
    boolean flagsOnlyWill = (type == SnMessageType.WILLTOPIC || type == SnMessageType.WILLTOPICUPD)
        && input.length - bodyIn == 1;
    if (flagsOnlyWill) {
      assertThat(encoded.length - bodyOut).isZero();
      return;
    }
    assertThat(encoded.length - bodyOut).isEqualTo(input.length - bodyIn);
    for (int i = 0; bodyIn + i < input.length; i++) {
      int ignored = i == 0 ? IGNORED_FLAGS.getOrDefault(type, 0) : 0;
      assertThat((input[bodyIn + i] ^ encoded[bodyOut + i]) & 0xFF & ~ignored)
          .as("%s body byte %d differs in bits it carries", type, i)
          .isZero();
    }
  }

  private static void assertOnlyIgnoredBitsDiffer(byte[] a, byte[] b, int at, int ignored) {
    assertThat((a[at] ^ b[at]) & 0xFF & ~ignored).as("byte %d", at).isZero();
  }

  private static ByteBuffer atOffset(byte[] bytes) {
    return ByteBuffer.wrap(concat(new byte[] {0x7F, 0x01}, concat(bytes, new byte[] {0x02})))
        .position(2)
        .limit(2 + bytes.length)
        .slice()
        .position(0);
  }

  private static ByteBuffer direct(byte[] bytes) {
    return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
  }
}
