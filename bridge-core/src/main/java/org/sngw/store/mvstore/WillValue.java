package org.sngw.store.mvstore;

import java.time.Duration;
import org.sngw.message.Message;

/** An entry of the {@code wills} map: the keep-alive in milliseconds, then the will message. */
record WillValue(Message message, Duration keepAlive) {
  byte[] encode() {
    ValueWriter out = new ValueWriter(message.topic().length() + message.payload().length + 16);
    out.writeVarLong(keepAlive.toMillis());
    MessageCodec.write(out, message);
    return out.toBytes();
  }

  static WillValue decode(byte[] value) {
    ValueReader in = new ValueReader(value);
    long millis = in.readVarLong();
    if (millis < 0) {
      throw new ValueFormatException("keep-alive " + millis + " ms is negative");
    }
    Message message = MessageCodec.read(in);
    in.expectEnd();
    return new WillValue(message, Duration.ofMillis(millis));
  }
}
