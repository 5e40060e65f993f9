package org.sngw.sn.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sngw.transport.ForwardedPeer;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.UdpPeer;

/**
 * Which sensors may connect, as Paho's gateway's client list does: client-id patterns, each
 * optionally bound to where the sensor is. Empty (the default): any sensor. QoS -1 publishes,
 * which name no client, pass when an entry's address matches their sender.
 *
 * @param ignoreUnlisted an unlisted sensor gets no answer at all, instead of CONNACK "rejected: not
 *     supported"
 */
public record SensorAllowlist(List<Entry> entries, boolean ignoreUnlisted) {
  /** Any sensor may connect. */
  public static final SensorAllowlist OPEN = new SensorAllowlist(List.of(), false);

  /**
   * One kind of sensor that may connect.
   *
   * @param clientId the client id, {@code *} standing for any run of characters
   * @param address where it must be: {@code udp:192.168.1.0/24} (or one address) for UDP, its
   *     forwarder's for a forwarded sensor; otherwise a pattern with {@code *} over the address as
   *     the logs write it, in either case: {@code serial:/dev/ttyUSB0/0013a20040a1b2c3},
 *     {@code ble:AA:BB:CC:DD:EE:*}
   */
  public record Entry(String clientId, Optional<String> address) {
    public Entry {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(address, "address");
      address.ifPresent(Entry::check);
    }

    boolean matches(String id, PeerAddress from) {
      return glob(clientId, 0).matcher(id).matches() && matchesAddress(from);
    }

    boolean matchesAddress(PeerAddress from) {
      if (address.isEmpty()) {
        return true;
      }
      Optional<UdpNetwork> network = UdpNetwork.parse(address.get());
      // Hex digits of radio nodes and BLE addresses are written either way.
      return network.isPresent()
          ? network.get().contains(from)
          : glob(address.get(), Pattern.CASE_INSENSITIVE).matcher(from.toString()).matches();
    }

    private static void check(String address) {
      if (address.startsWith("udp:")) {
        UdpNetwork.parse(address).orElseThrow(() ->
            new IllegalArgumentException("expected udp:ADDRESS or udp:ADDRESS/BITS, got '" + address + "'"));
      }
    }
  }

  public SensorAllowlist {
    entries = List.copyOf(entries);
  }

  boolean allows(String clientId, PeerAddress from) {
    return entries.isEmpty() || entries.stream().anyMatch(entry -> entry.matches(clientId, from));
  }

  /** For QoS -1, which names no client: allowed when some entry's address is the sender's. */
  boolean allowsWithoutConnection(PeerAddress from) {
    return entries.isEmpty()
        || entries.stream().anyMatch(entry -> entry.address().isPresent() && entry.matchesAddress(from));
  }

  private static Pattern glob(String pattern, int flags) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString(), flags);
  }

  /** {@code udp:ADDRESS[/BITS]}: the IP network a UDP sensor, or its forwarder, must be in. */
  private record UdpNetwork(byte[] network, int bits) {
    static Optional<UdpNetwork> parse(String text) {
      if (!text.startsWith("udp:")) {
        return Optional.empty();
      }
      String spec = text.substring(4);
      int slash = spec.indexOf('/');
      String host = slash < 0 ? spec : spec.substring(0, slash);
      // Literals only: a host name here would be resolved at every check.
      if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
        return Optional.empty();
      }
      try {
        byte[] address = InetAddress.getByName(host).getAddress();
        int bits = slash < 0 ? address.length * 8 : Integer.parseInt(spec.substring(slash + 1));
        return bits < 0 || bits > address.length * 8 ? Optional.empty() : Optional.of(new UdpNetwork(address, bits));
      } catch (UnknownHostException | NumberFormatException e) {
        return Optional.empty();
      }
    }

    boolean contains(PeerAddress peer) {
      if (peer instanceof ForwardedPeer forwarded) {
        return contains(forwarded.forwarder());
      }
      if (!(peer instanceof UdpPeer udp) || udp.socket().getAddress() == null) {
        return false;
      }
      byte[] address = udp.socket().getAddress().getAddress();
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
