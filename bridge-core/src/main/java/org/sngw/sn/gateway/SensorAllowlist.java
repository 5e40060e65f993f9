package org.sngw.sn.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
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
   * One kind of sensor that may connect; its patterns are compiled once, as every CONNECT asks.
   * Equal by the two texts it was made of.
   */
  public static final class Entry {
    private final String clientId;
    private final Optional<String> address;
    private final Set<String> mqttUsers;
    private final Pattern clientIdPattern;
    private final Predicate<PeerAddress> addressMatch;

    /**
     * @param clientId the client id, {@code *} standing for any run of characters
     * @param address where it must be: {@code udp:192.168.1.0/24} (or one address) for UDP, its
     *     forwarder's for a forwarded sensor; otherwise a pattern with {@code *} over the address
     *     as the logs write it, in either case: {@code serial:/dev/ttyUSB0/0013a20040a1b2c3},
     *     {@code ble:AA:BB:CC:DD:EE:*}
     * @param mqttUsers MQTT users who may hold these client ids' sessions too: take a sensor's session
     *     over TCP (a bench tool playing the sensor), and hand it back to the sensor
     * @throws IllegalArgumentException for a {@code udp:} address that is not a network
     */
    public Entry(String clientId, Optional<String> address, Set<String> mqttUsers) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      this.address = Objects.requireNonNull(address, "address");
      this.mqttUsers = Set.copyOf(mqttUsers);
      this.clientIdPattern = glob(clientId, 0);
      this.addressMatch = address.map(Entry::addressMatch).orElse(peer -> true);
    }

    /** An entry that lets no MQTT user hold its sessions. */
    public Entry(String clientId, Optional<String> address) {
      this(clientId, address, Set.of());
    }

    public String clientId() {
      return clientId;
    }

    public Set<String> mqttUsers() {
      return mqttUsers;
    }

    public Optional<String> address() {
      return address;
    }

    boolean matches(String id, PeerAddress from) {
      return clientIdPattern.matcher(id).matches() && addressMatch.test(from);
    }

    boolean matchesAddress(PeerAddress from) {
      return addressMatch.test(from);
    }

    private static Predicate<PeerAddress> addressMatch(String address) {
      if (address.startsWith("udp:")) {
        UdpNetwork network = UdpNetwork.parse(address).orElseThrow(() ->
            new IllegalArgumentException("expected udp:ADDRESS or udp:ADDRESS/BITS, got '" + address + "'"));
        return network::contains;
      }
      // Hex digits of radio nodes and BLE addresses are written either way.
      Pattern pattern = glob(address, Pattern.CASE_INSENSITIVE);
      return peer -> pattern.matcher(peer.toString()).matches();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Entry entry && clientId.equals(entry.clientId) && address.equals(entry.address)
          && mqttUsers.equals(entry.mqttUsers);
    }

    @Override
    public int hashCode() {
      return Objects.hash(clientId, address, mqttUsers);
    }

    @Override
    public String toString() {
      return "Entry[clientId=" + clientId + ", address=" + address + ", mqttUsers=" + mqttUsers + "]";
    }
  }

  public SensorAllowlist {
    entries = List.copyOf(entries);
  }

  boolean allows(String clientId, PeerAddress from) {
    return entries.isEmpty() || entries.stream().anyMatch(entry -> entry.matches(clientId, from));
  }

  /** Whether an entry for this client id names the MQTT user, who may then hold its session. */
  boolean sharesSession(String clientId, String mqttUser) {
    return entries.stream()
        .anyMatch(entry -> entry.mqttUsers.contains(mqttUser) && entry.clientIdPattern.matcher(clientId).matches());
  }

  /** Whether some entry lets an MQTT user hold sensors' sessions. */
  public boolean sharesSessions() {
    return entries.stream().anyMatch(entry -> !entry.mqttUsers.isEmpty());
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
    /** @param text {@code udp:} and the network; empty when it is none */
    static Optional<UdpNetwork> parse(String text) {
      String spec = text.substring("udp:".length());
      int slash = spec.indexOf('/');
      String host = slash < 0 ? spec : spec.substring(0, slash);
      // Literals only: a host name would be looked up, and a sensor's address is not a name.
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
