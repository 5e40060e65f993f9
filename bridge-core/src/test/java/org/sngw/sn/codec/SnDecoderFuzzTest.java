package org.sngw.sn.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.sngw.property.Allocations;

/** Any bytes from the network through the MQTT-SN decoder. */
class SnDecoderFuzzTest {

  @FuzzTest
  void decode_anyBytes(byte[] bytes) {
    SnDecodeResult result = SnDecoder.decode(ByteBuffer.wrap(bytes));
    assertThat(result).isNotNull();
    if (result instanceof SnMalformed malformed) {
      assertThat(malformed.offset()).isBetween(0, Math.max(0, bytes.length - 1));
    } else {
      SnPacket packet = (SnPacket) result;
      assertThat(SnDecoder.decode(SnEncoder.encode(packet))).isEqualTo(packet);
    }
    assertThat(Allocations.of(() -> SnDecoder.decode(ByteBuffer.wrap(bytes))))
        .isLessThan(16_384 + 8L * bytes.length);
  }
}
