package org.sngw.store.mvstore;

import java.nio.charset.StandardCharsets;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/**
 * The stored form of a {@link Message}: a version byte, a flags byte (bits 0-1 QoS, bit 2
 * retain), the topic as length-prefixed UTF-8, the payload as length-prefixed bytes. A later
 * release that changes the layout writes a new version and keeps reading version 1.
 */
final class MessageCodec {
  static final int VERSION = 1;
  private static final int RETAIN = 0b100;
  private static final int QOS = 0b11;

  private MessageCodec() {}

  static void write(ValueWriter out, Message message) {
    out.writeByte(VERSION)
        .writeByte(message.qos().value() | (message.retain() ? RETAIN : 0))
        .writeBytes(message.topic().getBytes(StandardCharsets.UTF_8))
        .writeBytes(message.payload());
  }

  static Message read(ValueReader in) {
    int version = in.readByte();
    if (version != VERSION) {
      throw new ValueFormatException("message encoding version " + version + " is unknown");
    }
    int flags = in.readByte();
    if ((flags & ~(QOS | RETAIN)) != 0 || (flags & QOS) == QOS) {
      throw new ValueFormatException("message flags 0x" + Integer.toHexString(flags) + " are invalid");
    }
    String topic = new String(in.readBytes(), StandardCharsets.UTF_8);
    byte[] payload = in.readBytes();
    return new Message(topic, payload, Qos.of(flags & QOS), (flags & RETAIN) != 0);
  }

  static byte[] encode(Message message) {
    ValueWriter out = new ValueWriter(message.topic().length() + message.payload().length + 8);
    write(out, message);
    return out.toBytes();
  }

  static Message decode(byte[] value) {
    ValueReader in = new ValueReader(value);
    Message message = read(in);
    in.expectEnd();
    return message;
  }
}
