package org.sngw.sn.codec;

/** MQTT-SN v1.2 return codes (CONNACK, REGACK, PUBACK, SUBACK, WILLTOPICRESP, WILLMSGRESP). */
public enum ReturnCode {
  ACCEPTED(0x00),
  REJECTED_CONGESTION(0x01),
  REJECTED_INVALID_TOPIC_ID(0x02),
  REJECTED_NOT_SUPPORTED(0x03);

  private final int code;

  ReturnCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
