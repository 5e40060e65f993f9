package org.sngw.store.mvstore;

import org.sngw.message.Message;

/**
 * An entry of the {@code outbound} map: the packet id it went out under (0 while queued), a
 * released byte (0 or 1), then the message.
 */
record OutboundValue(Message message, int packetId, boolean released) {
  byte[] encode() {
    ValueWriter out = new ValueWriter(message.topic().length() + message.payload().length + 12);
    out.writeVarLong(packetId).writeByte(released ? 1 : 0);
    MessageCodec.write(out, message);
    return out.toBytes();
  }

  static OutboundValue decode(byte[] value) {
    ValueReader in = new ValueReader(value);
    long packetId = in.readVarLong();
    if (packetId < 0 || packetId > 0xFFFF) {
      throw new ValueFormatException("packet id " + packetId + " out of range");
    }
    int released = in.readByte();
    if (released > 1) {
      throw new ValueFormatException("released flag " + released + " is neither 0 nor 1");
    }
    Message message = MessageCodec.read(in);
    in.expectEnd();
    return new OutboundValue(message, (int) packetId, released == 1);
  }

  OutboundValue withPacketId(int newPacketId) {
    return new OutboundValue(message, newPacketId, released);
  }

  OutboundValue asReleased() {
    return new OutboundValue(message, packetId, true);
  }
}
