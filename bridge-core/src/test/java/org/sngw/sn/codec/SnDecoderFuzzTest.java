package org.sngw.sn.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes from the network through the MQTT-SN decoder, steered by coverage: both Length forms,
 * every message type, forwarder encapsulation. The seeds are frames sensors really send.
 */
class SnDecoderFuzzTest {

  @FuzzTest
  void decode_anyBytes_keepsItsContract(byte[] bytes) {
    SnDecoderContract.check(bytes);
  }
}
