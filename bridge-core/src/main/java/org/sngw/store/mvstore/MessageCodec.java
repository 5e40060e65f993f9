package org.sngw.store.mvstore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sngw.message.Message;
import org.sngw.message.MessageProperties;
import org.sngw.message.Qos;

/**
 * The stored form of a {@link Message}: a version byte, a flags byte (bits 0-1 QoS, bit 2
 * retain), the topic as length-prefixed UTF-8, the payload as length-prefixed bytes. Version 2
 * adds the MQTT 5 properties after the payload; a message without any is written as version 1,
 * which every release reads.
 *
 * <p>Version 2's properties: a presence byte (bit 0 expiry, 1 UTF-8 payload, 2 content type, 3
 * response topic, 4 correlation data), the expiry as epoch milliseconds (var-long), the strings and
 * correlation data present as length-prefixed bytes, then the number of user properties (var-long)
 * and each name and value, then the number of subscription identifiers (var-long) and each.
 */
final class MessageCodec {
  static final int VERSION = 1;
  static final int VERSION_WITH_PROPERTIES = 2;
  private static final int RETAIN = 0b100;
  private static final int QOS = 0b11;
  private static final int EXPIRY = 1;
  private static final int UTF8 = 1 << 1;
  private static final int CONTENT_TYPE = 1 << 2;
  private static final int RESPONSE_TOPIC = 1 << 3;
  private static final int CORRELATION = 1 << 4;
  /** More than any packet could carry: a bound, so a damaged count cannot allocate without end. */
  private static final long MAX_LIST_ITEMS = 65_535;

  private MessageCodec() {}

  static void write(ValueWriter out, Message message) {
    boolean withProperties = !message.properties().isEmpty();
    out.writeByte(withProperties ? VERSION_WITH_PROPERTIES : VERSION)
        .writeByte(message.qos().value() | (message.retain() ? RETAIN : 0))
        .writeBytes(message.topic().getBytes(StandardCharsets.UTF_8))
        .writeBytes(message.payload());
    if (withProperties) {
      writeProperties(out, message.properties());
    }
  }

  static Message read(ValueReader in) {
    int version = in.readByte();
    if (version != VERSION && version != VERSION_WITH_PROPERTIES) {
      throw new ValueFormatException("message encoding version " + version + " is unknown");
    }
    int flags = in.readByte();
    if ((flags & ~(QOS | RETAIN)) != 0 || (flags & QOS) == QOS) {
      throw new ValueFormatException("message flags 0x" + Integer.toHexString(flags) + " are invalid");
    }
    String topic = new String(in.readBytes(), StandardCharsets.UTF_8);
    byte[] payload = in.readBytes();
    MessageProperties properties = version == VERSION_WITH_PROPERTIES ? readProperties(in) : MessageProperties.NONE;
    return new Message(topic, payload, Qos.of(flags & QOS), (flags & RETAIN) != 0, properties);
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

  private static void writeProperties(ValueWriter out, MessageProperties properties) {
    int present = (properties.expiresAt().isPresent() ? EXPIRY : 0)
        | (properties.utf8Payload() ? UTF8 : 0)
        | (properties.contentType().isPresent() ? CONTENT_TYPE : 0)
        | (properties.responseTopic().isPresent() ? RESPONSE_TOPIC : 0)
        | (properties.correlationData().isPresent() ? CORRELATION : 0);
    out.writeByte(present);
    properties.expiresAt().ifPresent(at -> out.writeVarLong(at.toEpochMilli()));
    properties.contentType().ifPresent(text -> out.writeBytes(utf8(text)));
    properties.responseTopic().ifPresent(text -> out.writeBytes(utf8(text)));
    properties.correlationData().ifPresent(out::writeBytes);
    out.writeVarLong(properties.userProperties().size());
    for (MessageProperties.UserProperty property : properties.userProperties()) {
      out.writeBytes(utf8(property.name())).writeBytes(utf8(property.value()));
    }
    out.writeVarLong(properties.subscriptionIdentifiers().size());
    properties.subscriptionIdentifiers().forEach(out::writeVarLong);
  }

  private static MessageProperties readProperties(ValueReader in) {
    int present = in.readByte();
    if ((present & ~(EXPIRY | UTF8 | CONTENT_TYPE | RESPONSE_TOPIC | CORRELATION)) != 0) {
      throw new ValueFormatException("message properties 0x" + Integer.toHexString(present) + " are invalid");
    }
    Optional<Instant> expiresAt = (present & EXPIRY) != 0
        ? Optional.of(Instant.ofEpochMilli(in.readVarLong())) : Optional.empty();
    Optional<String> contentType = (present & CONTENT_TYPE) != 0 ? Optional.of(text(in)) : Optional.empty();
    Optional<String> responseTopic = (present & RESPONSE_TOPIC) != 0 ? Optional.of(text(in)) : Optional.empty();
    Optional<byte[]> correlation = (present & CORRELATION) != 0 ? Optional.of(in.readBytes()) : Optional.empty();
    long count = in.readVarLong();
    if (count < 0 || count > MAX_LIST_ITEMS) {
      throw new ValueFormatException(count + " user properties is more than a message can carry");
    }
    List<MessageProperties.UserProperty> user = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      user.add(new MessageProperties.UserProperty(text(in), text(in)));
    }
    long identifierCount = in.readVarLong();
    if (identifierCount < 0 || identifierCount > MAX_LIST_ITEMS) {
      throw new ValueFormatException(identifierCount + " subscription identifiers is more than a message can carry");
    }
    List<Integer> identifiers = new ArrayList<>();
    for (long i = 0; i < identifierCount; i++) {
      identifiers.add((int) in.readVarLong());
    }
    return new MessageProperties(expiresAt, (present & UTF8) != 0, contentType, responseTopic, correlation, user,
        identifiers);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(ValueReader in) {
    return new String(in.readBytes(), StandardCharsets.UTF_8);
  }
}
