package org.sngw.store.mvstore;

import org.sngw.broker.DeliveryOptions;
import org.sngw.message.Qos;

/**
 * The stored value of a subscription: one byte, QoS in bits 0-1, bit 2 no-local, bit 3 retain as
 * published, bit 4 an identifier follows (var-long). A plain subscription is the QoS byte alone,
 * as every release before MQTT 5 wrote it.
 */
final class SubscriptionValue {
  private static final int QOS = 0b11;
  private static final int NO_LOCAL = 1 << 2;
  private static final int RETAIN_AS_PUBLISHED = 1 << 3;
  private static final int IDENTIFIER = 1 << 4;

  /** A subscription's QoS and options, as read back. */
  record Read(Qos qos, DeliveryOptions options) {}

  private SubscriptionValue() {}

  static byte[] encode(Qos qos, DeliveryOptions options) {
    int flags = qos.value() | (options.noLocal() ? NO_LOCAL : 0) | (options.retainAsPublished() ? RETAIN_AS_PUBLISHED : 0)
        | (options.identifier() != 0 ? IDENTIFIER : 0);
    ValueWriter out = new ValueWriter(6).writeByte(flags);
    if (options.identifier() != 0) {
      out.writeVarLong(options.identifier());
    }
    return out.toBytes();
  }

  static Read decode(byte[] value) {
    ValueReader in = new ValueReader(value);
    int flags = in.readByte();
    if ((flags & ~(QOS | NO_LOCAL | RETAIN_AS_PUBLISHED | IDENTIFIER)) != 0 || (flags & QOS) == QOS) {
      throw new ValueFormatException("subscription flags 0x" + Integer.toHexString(flags) + " are invalid");
    }
    long identifier = (flags & IDENTIFIER) != 0 ? in.readVarLong() : 0;
    in.expectEnd();
    try {
      return new Read(Qos.of(flags & QOS),
          new DeliveryOptions((flags & NO_LOCAL) != 0, (flags & RETAIN_AS_PUBLISHED) != 0, Math.toIntExact(identifier)));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ValueFormatException("subscription identifier " + identifier + " is out of range");
    }
  }
}
