package org.sngw.sn.codec;

import java.util.Locale;

/**
 * Bytes that are not a valid MQTT-SN packet. Data, not an exception: the caller decides whether
 * to log, count or drop.
 *
 * @param reason which rule the bytes break, for metrics and tests
 * @param detail what is wrong, naming the field and the values found, for logs
 * @param offset byte offset in the frame where the problem was found
 */
public record SnMalformed(Reason reason, String detail, int offset) implements SnDecodeResult {
  /** The rules of MQTT-SN v1.2 a frame can break, one per check of the decoder. */
  public enum Reason {
    /** No bytes at all. */
    EMPTY_FRAME,
    /** The Length field disagrees with the frame: longer, shorter, truncated or below the header. */
    LENGTH_MISMATCH,
    /** A MsgType the specification reserves. */
    RESERVED_MSG_TYPE,
    /** The Length does not fit the message type's fixed fields. */
    WRONG_MESSAGE_LENGTH,
    /** ProtocolId in CONNECT is not 0x01. */
    UNKNOWN_PROTOCOL_ID,
    /** TopicIdType 0b11 in the flags. */
    RESERVED_TOPIC_ID_TYPE,
    /** A short topic name or topic id that is not 2 bytes. */
    TOPIC_ID_LENGTH,
    /** A ReturnCode above 0x03. */
    RESERVED_RETURN_CODE,
    /** A client id, topic name or will topic that is not well-formed UTF-8. */
    INVALID_UTF8,
    /** A forwarder encapsulation without node id or message, nested, or in the 3-byte form. */
    BAD_ENCAPSULATION;

    /** The name as a metric label: lower case. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
