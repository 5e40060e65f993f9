package org.sngw.sn.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** The UTF-8 check every MQTT-SN string field passes, on any bytes, against the JDK's coder. */
class Utf8FuzzTest {

  @FuzzTest
  void firstInvalid_anyBytes_agreesWithTheJdk(byte[] bytes) {
    Utf8Test.assertAgreesWithJdk(bytes);
  }
}
