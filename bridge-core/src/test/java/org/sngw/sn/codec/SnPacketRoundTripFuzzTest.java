package org.sngw.sn.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.sngw.property.FuzzDraw;

/**
 * Valid packets of every type built from the fuzzer's choices: each decodes back to itself, so a
 * decoder that refuses or changes a valid frame (an off-by-one in a Length form) is found, which
 * fuzzing raw bytes alone cannot tell from a frame rightly refused.
 */
class SnPacketRoundTripFuzzTest {

  @FuzzTest
  void decode_encodedPacket_isThePacket(FuzzedDataProvider data) {
    SnPacket packet = SnPacketGen.packet(new FuzzDraw(data));
    ByteBuffer encoded = SnEncoder.encode(packet);

    assertThat(SnDecoder.decode(encoded)).isEqualTo(packet);
    SnDecoderContract.check(SnFrames.toArray(encoded));
  }
}
