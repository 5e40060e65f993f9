package org.sngw.sn.codec;

/** The topic id type in the flags byte (bits 1-0). Value 0b11 is reserved and never decoded. */
public enum TopicIdType {
  /** A topic id registered by REGISTER, or a topic name in SUBSCRIBE/UNSUBSCRIBE. */
  NORMAL(0b00),
  PREDEFINED(0b01),
  /** A two-character topic name carried in the topic id field. */
  SHORT(0b10);

  private final int bits;

  TopicIdType(int bits) {
    this.bits = bits;
  }

  public int bits() {
    return bits;
  }
}
