package org.sngw.store.mvstore;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.sngw.broker.ClientIdentity;

/**
 * An entry of the {@code sessions} map: empty while the owner is unknown (as in files written
 * before owners were kept), else a kind-of-listener byte, then the username as length-prefixed
 * UTF-8, or nothing for none.
 */
final class OwnerValue {
  private static final byte[] UNKNOWN = new byte[0];
  // Stable codes, not ordinals: Origin may gain kinds.
  private static final int MQTT = 1;
  private static final int MQTT_SN = 2;
  private static final int GATEWAY = 3;

  private OwnerValue() {}

  static byte[] unknown() {
    return UNKNOWN;
  }

  static byte[] encode(ClientIdentity owner) {
    ValueWriter out = new ValueWriter(16).writeByte(code(owner.origin()));
    owner.username().ifPresent(name -> out.writeBytes(name.getBytes(StandardCharsets.UTF_8)));
    return out.toBytes();
  }

  static Optional<ClientIdentity> decode(String clientId, byte[] value) {
    if (value.length == 0) {
      return Optional.empty();
    }
    ValueReader in = new ValueReader(value);
    ClientIdentity.Origin origin = origin(in.readByte());
    Optional<String> username = in.atEnd()
        ? Optional.empty()
        : Optional.of(new String(in.readBytes(), StandardCharsets.UTF_8));
    in.expectEnd();
    return Optional.of(new ClientIdentity(clientId, username, origin));
  }

  private static int code(ClientIdentity.Origin origin) {
    switch (origin) {
      case MQTT:
        return MQTT;
      case MQTT_SN:
        return MQTT_SN;
      case GATEWAY:
        return GATEWAY;
      default:
        throw new IllegalArgumentException("no stored code for " + origin);
    }
  }

  private static ClientIdentity.Origin origin(int code) {
    switch (code) {
      case MQTT:
        return ClientIdentity.Origin.MQTT;
      case MQTT_SN:
        return ClientIdentity.Origin.MQTT_SN;
      case GATEWAY:
        return ClientIdentity.Origin.GATEWAY;
      default:
        throw new ValueFormatException("session owner kind " + code + " is unknown");
    }
  }
}
