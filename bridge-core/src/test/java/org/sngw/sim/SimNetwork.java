package org.sngw.sim;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.sngw.sn.codec.SnDecodeResult;
import org.sngw.sn.codec.SnDecoder;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnMalformed;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.Encapsulated;
import org.sngw.time.VirtualTime;
import org.sngw.transport.ForwardedPeer;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.Transport;
import org.sngw.transport.TransportListener;
import org.sngw.transport.TransportStats;

/**
 * The radio between the gateway and its sensors, as the gateway's {@link Transport}. Every datagram,
 * either way, meets the {@link NetworkProfile} (loss, duplication, delay, hence reordering) and any
 * {@link ScriptedFaults}, and arrives by a task on the {@link VirtualTime}. Sensors behind a
 * forwarder reach the gateway as real encapsulated frames from the forwarder's address, and the
 * gateway's encapsulated frames are unwrapped to the node they name.
 */
final class SimNetwork implements Transport {
  private final TransportStats stats = new TransportStats("sim", Optional.empty());
  private final VirtualTime time;
  private final NetworkProfile profile;
  private final ScriptedFaults faults;
  private final SimTrace trace;
  private final Ledger ledger;
  private final Map<PeerAddress, SimLink> links = new HashMap<>();
  private TransportListener gateway;
  private long encapsulatedFrames;

  SimNetwork(VirtualTime time, NetworkProfile profile, ScriptedFaults faults, SimTrace trace, Ledger ledger) {
    this.time = time;
    this.profile = profile;
    this.faults = faults;
    this.trace = trace;
    this.ledger = ledger;
  }

  /** Connects a sensor at {@code address}; {@code inbox} gets the packets that reach it. */
  SimLink attach(String name, PeerAddress address, SplittableRandom random, Consumer<SnPacket> inbox) {
    SimLink link = new SimLink(this, name, address, random, inbox);
    if (links.putIfAbsent(address, link) != null) {
      throw new IllegalArgumentException("two sensors at " + address);
    }
    return link;
  }

  /** Frames the gateway sent encapsulated for sensors behind a forwarder. */
  long encapsulatedFrames() {
    return encapsulatedFrames;
  }

  Duration datagramLifetime() {
    return profile.lifetime();
  }

  // ---- the gateway's side

  @Override
  public String name() {
    return "sim";
  }

  @Override
  public void start(TransportListener listener) {
    this.gateway = listener;
  }

  @Override
  public void send(PeerAddress to, ByteBuffer frame) {
    SnDecodeResult decoded = SnDecoder.decode(frame);
    if (decoded instanceof SnMalformed bad) {
      ledger.error("gateway sent a malformed frame to " + to + ": " + bad.reason() + ", " + bad.detail());
      return;
    }
    SnPacket packet = (SnPacket) decoded;
    PeerAddress sensor = to;
    if (packet instanceof Encapsulated wrapped) {
      encapsulatedFrames++;
      sensor = new ForwardedPeer(to, wrapped.node());
      packet = wrapped.inner();
    }
    SimLink link = links.get(sensor);
    if (link == null) {
      ledger.error("gateway sent " + PacketText.of(packet) + " to " + sensor + ", where no sensor ever was");
      return;
    }
    SnPacket arriving = packet;
    carry(link, Direction.DOWN, arriving, () -> link.arrive(arriving));
  }

  @Override
  public boolean canBroadcast() {
    return false;
  }

  @Override
  public void broadcast(ByteBuffer frame) {
    ledger.error("gateway broadcast on a transport that cannot");
  }

  @Override
  public int maxFrameSize() {
    return 1024;
  }

  @Override
  public TransportStats stats() {
    return stats;
  }

  @Override
  public void close() {}

  // ---- the sensors' side

  void carryUp(SimLink link, SnPacket packet) {
    carry(link, Direction.UP, packet, () -> gateway.onFrame(frameSource(link), frame(link, packet)));
  }

  private static PeerAddress frameSource(SimLink link) {
    return link.address() instanceof ForwardedPeer forwarded ? forwarded.forwarder() : link.address();
  }

  private static ByteBuffer frame(SimLink link, SnPacket packet) {
    return link.address() instanceof ForwardedPeer forwarded
        ? SnEncoder.encode(new Encapsulated(0, forwarded.node(), packet))
        : SnEncoder.encode(packet);
  }

  private void carry(SimLink link, Direction direction, SnPacket packet, Runnable arrival) {
    SplittableRandom random = link.random();
    // Drawn first for every datagram, scripted or not: the link's stream advances the same way up to here.
    boolean lost = random.nextDouble() < profile.loss();
    boolean doubled = random.nextDouble() < profile.duplicate();
    ScriptedFaults.Fault fault = faults.match(direction, packet);
    if (fault != null) {
      trace.add(time.nanos(), link.name(), new Datagram(direction, packet, fault.copiesLater().size(), true));
      Duration normal = fault.copiesLater().isEmpty() ? Duration.ZERO : delay(random);
      for (Duration later : fault.copiesLater()) {
        deliver(link, direction, packet, scripted(normal.plus(later)), arrival);
      }
      return;
    }
    int copies = lost ? 0 : doubled ? 2 : 1;
    trace.add(time.nanos(), link.name(), new Datagram(direction, packet, copies, false));
    for (int i = 0; i < copies; i++) {
      deliver(link, direction, packet, delay(random), arrival);
    }
  }

  private void deliver(SimLink link, Direction direction, SnPacket packet, Duration delay, Runnable arrival) {
    time.schedule(delay, () -> {
      trace.add(time.nanos(), link.name(), new Datagram(direction, packet, -1, false));
      arrival.run();
    });
  }

  private Duration scripted(Duration delay) {
    if (delay.compareTo(profile.lifetime()) > 0) {
      throw new IllegalArgumentException("a scripted datagram after " + delay + " outlives the network's datagrams");
    }
    return delay;
  }

  private Duration delay(SplittableRandom random) {
    long min = profile.minDelay().toNanos();
    long max = profile.maxDelay().toNanos();
    return Duration.ofNanos(min == max ? min : random.nextLong(min, max + 1));
  }

  /** A trace line: a datagram sent (with how many copies will arrive) or arriving (copies -1). */
  private record Datagram(Direction direction, SnPacket packet, int copies, boolean scripted) {
    @Override
    public String toString() {
      String gw = direction.arrow() + " gw  ";
      if (copies < 0) {
        return gw + "   arrives " + PacketText.of(packet);
      }
      String fate = copies == 0 ? "  [LOST" : copies == 2 ? "  [DOUBLED" : scripted ? "  [DELAYED" : "";
      return gw + PacketText.of(packet) + fate + (fate.isEmpty() ? "" : scripted ? ", scripted]" : "]");
    }
  }
}
