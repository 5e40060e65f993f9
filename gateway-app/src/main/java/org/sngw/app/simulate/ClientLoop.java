package org.sngw.app.simulate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnDecodeResult;
import org.sngw.sn.codec.SnDecoder;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.ConnAck;
import org.sngw.sn.codec.SnPacket.Connect;
import org.sngw.sn.codec.SnPacket.Disconnect;
import org.sngw.sn.codec.SnPacket.PubAck;
import org.sngw.sn.codec.SnPacket.PubComp;
import org.sngw.sn.codec.SnPacket.PubRec;
import org.sngw.sn.codec.SnPacket.PubRel;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.RegAck;
import org.sngw.sn.codec.SnPacket.Register;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;

/**
 * One generator thread driving many sensors over non-blocking UDP channels and one selector, so
 * a few threads can load the gateway without taking the cores it runs on. Everything here is
 * owned by that thread; {@link #stats()} is read after it has ended.
 */
final class ClientLoop implements Runnable {
  /** Keep-alive asked in CONNECT: longer than any run may last, so no PINGREQ is needed. */
  private static final int KEEP_ALIVE_SECONDS = 900;
  private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);
  /** First wait before a CONNECT or REGISTER is sent again; doubled at each retry. */
  private static final long HANDSHAKE_RETRY_NANOS = Duration.ofSeconds(1).toNanos();
  private static final int MAX_RETRY_DOUBLINGS = 4;
  private static final long HANDSHAKE_SCAN_NANOS = Duration.ofMillis(50).toNanos();
  private static final Duration FORGET_WAIT = Duration.ofSeconds(3);
  private static final long SWEEP_NANOS = Duration.ofMillis(10).toNanos();
  private static final Duration BURST_LIMIT = Duration.ofSeconds(60);
  /** Datagrams read from one channel per wake-up, so one busy client cannot starve the rest. */
  private static final int READS_PER_WAKEUP = 64;

  private final List<SnClient> clients = new ArrayList<>();
  private final Selector selector;
  private final LoadSettings settings;
  private final StartGate gate;
  private final LoopStats stats = new LoopStats();
  private final ByteBuffer in = ByteBuffer.allocateDirect(65_536);
  private final ByteBuffer out = ByteBuffer.allocateDirect(65_536);
  private final boolean paced;
  private Schedule schedule;
  private boolean sending;
  /** Clients through CONNECT and REGISTER. */
  private int ready;
  private int cursor;
  private volatile Throwable failure;
  // Copies of the counts for the line per second, written by the loop every sweep.
  private volatile long sentSoFar;
  private volatile long ackedSoFar;
  private volatile long failedSoFar;

  ClientLoop(List<Integer> indexes, InetSocketAddress gateway, LoadSettings settings, StartGate gate)
      throws IOException {
    this.settings = settings;
    this.gate = gate;
    this.paced = settings.ratePerThread() > 0;
    this.selector = Selector.open();
    for (int index : indexes) {
      DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
      if (gateway.getAddress().isLoopbackAddress()) {
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      }
      // Otherwise connecting binds the channel to the interface that reaches the gateway.
      channel.connect(gateway);
      channel.configureBlocking(false);
      SnClient client = new SnClient(index, channel, settings.window());
      channel.register(selector, SelectionKey.OP_READ, client);
      clients.add(client);
    }
  }

  LoopStats stats() {
    return stats;
  }

  /** The messages each client sent while measuring, as sequence ranges; read after the loop ended. */
  List<SentRange> measuredRanges() {
    return clients.stream().filter(c -> c.firstMeasured >= 0)
        .map(c -> new SentRange(c.index, c.firstMeasured, c.lastMeasured)).toList();
  }

  /** Messages sent, acknowledged and failed (timed out or refused) so far, as of the last sweep. */
  long sentSoFar() {
    return sentSoFar;
  }

  long ackedSoFar() {
    return ackedSoFar;
  }

  long failedSoFar() {
    return failedSoFar;
  }

  /** Why the loop stopped early, or null. */
  Throwable failure() {
    return failure;
  }

  @Override
  public void run() {
    try {
      handshake();
      gate.arrived();
      schedule = gate.await();
      if (schedule == null) {
        return;
      }
      if (settings.burstPerThread() > 0) {
        burst();
      } else {
        publish();
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
      gate.arrived();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeAll();
      stats.finalCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
  }

  // ---- CONNECT and REGISTER

  private void handshake() throws IOException {
    long now = System.nanoTime();
    long deadline = now + HANDSHAKE_TIMEOUT.toNanos();
    clients.forEach(c -> sendHandshake(c, now));
    long lastScan = now;
    while (ready < clients.size()) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(ready + " of " + clients.size()
            + " clients completed CONNECT and REGISTER within " + HANDSHAKE_TIMEOUT.toSeconds() + " s");
      }
      selector.select(50);
      readSelected();
      long later = System.nanoTime();
      // Looking for clients to retry costs a pass over all of them: not at every datagram.
      if (later - lastScan < HANDSHAKE_SCAN_NANOS) {
        continue;
      }
      lastScan = later;
      for (SnClient c : clients) {
        if (c.state != SnClient.State.READY && retryDue(c, later)) {
          c.handshakeRetries++;
          stats.handshakeRetries++;
          sendHandshake(c, later);
        }
      }
    }
    stats.handshakeNanos = System.nanoTime() - now;
  }

  private void sendHandshake(SnClient c, long now) {
    c.lastHandshakeNanos = now;
    if (c.state == SnClient.State.CONNECTING) {
      // A sleeping sensor keeps its session, and with it its topic id, across its sleeps.
      send(c, new Connect(false, !settings.sleeping(), KEEP_ALIVE_SECONDS, clientId(c)));
    } else if (c.state == SnClient.State.REGISTERING) {
      send(c, new Register(0, 1, "simulate/" + c.index));
    }
  }

  private String clientId(SnClient c) {
    return "sim-" + settings.runTag() + "-" + c.index;
  }

  /** Whether a CONNECT or REGISTER has waited long enough to be sent again: 1 s, then doubling. */
  private static boolean retryDue(SnClient c, long now) {
    return now - c.lastHandshakeNanos > HANDSHAKE_RETRY_NANOS << Math.min(c.handshakeRetries, MAX_RETRY_DOUBLINGS);
  }

  // ---- load and burst

  private void publish() throws IOException {
    sending = true;
    long lastSweep = System.nanoTime();
    if (settings.sleeping()) {
      fallAsleep(lastSweep);
    } else {
      fill(lastSweep);
    }
    while (true) {
      long now = System.nanoTime();
      sending = now - schedule.measureEnd() < 0;
      if (!sending && (inFlight() == 0 || now - schedule.drainEnd() >= 0)) {
        break;
      }
      if (sending && paced) {
        fill(now);
      }
      selector.select(1);
      readSelected();
      now = System.nanoTime();
      if (now - lastSweep >= SWEEP_NANOS) {
        sweep(now);
        lastSweep = now;
      }
    }
    stats.timeouts += inFlight();
  }

  /** Sends while clients have room and the rate allows, round robin so every client gets a turn. */
  private void fill(long now) {
    long credit = paced
        ? (long) ((now - schedule.warmupStart()) / 1e9 * settings.ratePerThread()) - stats.sent
        : Long.MAX_VALUE;
    for (int idle = 0; credit > 0 && idle < clients.size(); ) {
      SnClient c = clients.get(cursor);
      cursor = (cursor + 1) % clients.size();
      if (canSend(c) && publishNext(c, now)) {
        credit--;
        idle = 0;
      } else {
        idle++;
      }
    }
  }

  private void sweep(long now) {
    long deadline = now - settings.ackTimeout().toNanos();
    for (SnClient c : clients) {
      stats.timeouts += c.expire(deadline);
    }
    sentSoFar = stats.sent;
    ackedSoFar = stats.ackedMeasured + stats.ackedOutside;
    failedSoFar = stats.timeouts + stats.rejected;
    if (settings.sleeping()) {
      wakeUp(now);
    } else if (sending && !paced) {
      fill(now);
    }
  }

  // ---- sleeping clients

  /**
   * The first sleep: each client sleeps a different share of the sleep time, so that wake-ups
   * spread evenly over it instead of all coming at once.
   */
  private void fallAsleep(long now) {
    long sleepNanos = settings.sleep().toNanos();
    for (int k = 0; k < clients.size(); k++) {
      long share = sleepNanos * (k + 1) / clients.size();
      sleep(clients.get(k), now, Math.max(Duration.ofSeconds(1).toNanos(), share));
    }
  }

  private void sleep(SnClient c, long now, long sleepNanos) {
    int seconds = (int) Math.max(1, Math.round(sleepNanos / 1e9));
    send(c, new Disconnect(OptionalInt.of(seconds)));
    c.state = SnClient.State.ASLEEP;
    c.wakeAtNanos = now + sleepNanos;
  }

  /** CONNECT again for clients whose sleep is over, and again for wake-ups with no answer. */
  private void wakeUp(long now) {
    if (!sending) {
      return;
    }
    for (SnClient c : clients) {
      if (c.state == SnClient.State.READY && c.inFlight() == 0) {
        // Its message timed out, or could not be sent: back to sleep until the next turn.
        sleep(c, now, settings.sleep().toNanos());
        continue;
      }
      boolean due = c.state == SnClient.State.ASLEEP && now - c.wakeAtNanos >= 0;
      boolean unanswered = c.state == SnClient.State.WAKING && retryDue(c, now);
      if (unanswered) {
        c.handshakeRetries++;
        stats.handshakeRetries++;
      }
      if (due || unanswered) {
        c.state = SnClient.State.WAKING;
        c.lastHandshakeNanos = now;
        if (due) {
          c.wakeStartNanos = now;
        }
        send(c, new Connect(false, false, KEEP_ALIVE_SECONDS, clientId(c)));
      }
    }
  }

  private void awake(SnClient c, ConnAck ack, long now) {
    if (ack.returnCode() != ReturnCode.ACCEPTED) {
      // Congestion and the like: a real sensor tries again after a while.
      stats.wakeRefusals++;
      c.advance(SnClient.State.ASLEEP);
      c.wakeAtNanos = now + HANDSHAKE_RETRY_NANOS;
      return;
    }
    stats.wakeUps++;
    stats.wakeLatencies.record(now - c.wakeStartNanos);
    c.advance(SnClient.State.READY);
    if (sending) {
      publishNext(c, now);
    }
  }

  private void burst() {
    long start = System.nanoTime();
    long limit = start + BURST_LIMIT.toNanos();
    int sent = 0;
    while (sent < settings.burstPerThread() && System.nanoTime() - limit < 0) {
      SnClient c = clients.get(cursor);
      cursor = (cursor + 1) % clients.size();
      if (c.state == SnClient.State.READY && publishNext(c, System.nanoTime())) {
        sent++;
      } else {
        // The socket's send buffer is full: wait for the kernel rather than lose the datagram here.
        Thread.onSpinWait();
      }
    }
    stats.burstNanos = System.nanoTime() - start;
  }

  private boolean canSend(SnClient c) {
    return settings.qos() == SnQos.AT_MOST_ONCE ? c.state == SnClient.State.READY : c.hasRoom();
  }

  private boolean publishNext(SnClient c, long now) {
    boolean qos0 = settings.qos() == SnQos.AT_MOST_ONCE;
    int msgId = qos0 ? 0 : c.nextMsgId();
    byte[] data = Payload.of(c.index, c.nextSequence, settings.payloadBytes());
    if (!send(c, new Publish(false, settings.qos(), false, new SnTopic.Registered(c.topicId), msgId, data))) {
      return false;
    }
    stats.sent++;
    if (schedule.measuring(now)) {
      stats.sentMeasured++;
      if (c.firstMeasured < 0) {
        c.firstMeasured = c.nextSequence;
      }
      c.lastMeasured = c.nextSequence;
    }
    c.nextSequence++;
    if (!qos0) {
      c.sent(msgId, now);
    }
    return true;
  }

  private int inFlight() {
    int total = 0;
    for (SnClient c : clients) {
      total += c.inFlight();
    }
    return total;
  }

  // ---- what the gateway sends

  private void readSelected() {
    for (SelectionKey key : selector.selectedKeys()) {
      SnClient c = (SnClient) key.attachment();
      for (int i = 0; i < READS_PER_WAKEUP && read(c); i++) {
        SnDecodeResult result = SnDecoder.decode(in);
        if (result instanceof SnPacket packet) {
          onPacket(c, packet, System.nanoTime());
        } else {
          stats.malformed++;
        }
      }
    }
    selector.selectedKeys().clear();
  }

  private boolean read(SnClient c) {
    in.clear();
    try {
      if (c.channel.read(in) <= 0) {
        return false;
      }
    } catch (IOException e) {
      // ICMP port unreachable and the like: the gateway is gone or restarting.
      stats.receiveErrors++;
      return false;
    }
    in.flip();
    return true;
  }

  private void onPacket(SnClient c, SnPacket packet, long now) {
    if (packet instanceof PubAck ack) {
      if (ack.returnCode() == ReturnCode.ACCEPTED) {
        acked(c, ack.msgId(), now);
      } else if (c.complete(ack.msgId()) >= 0) {
        stats.rejected++;
      } else {
        stats.lateAcks++;
      }
    } else if (packet instanceof PubRec rec) {
      if (c.isInFlight(rec.msgId())) {
        send(c, new PubRel(rec.msgId()));
      } else {
        stats.lateAcks++;
      }
    } else if (packet instanceof PubComp comp) {
      acked(c, comp.msgId(), now);
    } else if (packet instanceof ConnAck ack && c.state == SnClient.State.WAKING) {
      awake(c, ack, now);
    } else if (packet instanceof Disconnect && c.state == SnClient.State.ASLEEP) {
      // The gateway's answer to going to sleep.
      stats.sleeps++;
    } else if (packet instanceof ConnAck ack && c.state == SnClient.State.CONNECTING) {
      if (ack.returnCode() != ReturnCode.ACCEPTED) {
        throw new IllegalStateException("client " + c.index + ": CONNACK " + ack.returnCode());
      }
      c.advance(SnClient.State.REGISTERING);
      sendHandshake(c, now);
    } else if (packet instanceof RegAck ack && c.state == SnClient.State.REGISTERING) {
      if (ack.returnCode() != ReturnCode.ACCEPTED) {
        throw new IllegalStateException("client " + c.index + ": REGACK " + ack.returnCode());
      }
      c.topicId = ack.topicId();
      c.advance(SnClient.State.READY);
      ready++;
    } else if (packet instanceof Disconnect && c.state == SnClient.State.READY) {
      c.state = SnClient.State.CLOSED;
      stats.disconnects++;
      stats.timeouts += c.expire(now + 1);
    } else if ((packet instanceof ConnAck || packet instanceof RegAck) && c.takeOwedRepeat()) {
      // The gateway answered a CONNECT or REGISTER that was sent again while the first was on
      // its way (a connect storm can take longer than the first wait): as a real sensor would.
      stats.handshakeRepeats++;
    } else {
      stats.unexpected++;
    }
  }

  private void acked(SnClient c, int msgId, long now) {
    long sentAt = c.complete(msgId);
    if (sentAt < 0) {
      stats.lateAcks++;
      return;
    }
    if (schedule.measuring(now)) {
      stats.ackedMeasured++;
      stats.latencies.record(now - sentAt);
    } else {
      stats.ackedOutside++;
    }
    if (settings.sleeping()) {
      if (sending) {
        sleep(c, now, settings.sleep().toNanos());
      }
      return;
    }
    while (sending && !paced && canSend(c) && publishNext(c, now)) {
      // Refill at once: the next message leaves on the ack's heels, as a real sensor's would.
    }
  }

  // ---- sockets

  /**
   * Sleeping clients kept sessions in the gateway, which a plain DISCONNECT leaves there: CONNECT
   * with a clean session ends them, so a run leaves nothing behind.
   */
  private void forgetSessions() {
    long deadline = System.nanoTime() + FORGET_WAIT.toNanos();
    clients.forEach(c -> send(c, new Connect(false, true, KEEP_ALIVE_SECONDS, clientId(c))));
    int answered = 0;
    try {
      while (answered < clients.size() && System.nanoTime() - deadline < 0) {
        selector.select(50);
        for (SelectionKey key : selector.selectedKeys()) {
          while (read((SnClient) key.attachment())) {
            if (SnDecoder.decode(in) instanceof ConnAck) {
              answered++;
            }
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      // The sessions stay until they expire; nothing else is lost.
    }
  }

  private boolean send(SnClient c, SnPacket packet) {
    out.clear();
    SnEncoder.encode(packet, out);
    out.flip();
    try {
      if (c.channel.write(out) > 0) {
        return true;
      }
    } catch (IOException e) {
      // Counted below like a full buffer; the sweep or the next burst turn tries again.
    }
    stats.sendFailures++;
    return false;
  }

  private void closeAll() {
    if (settings.sleeping()) {
      forgetSessions();
    }
    for (SnClient c : clients) {
      if (c.state != SnClient.State.CLOSED) {
        send(c, Disconnect.plain());
      }
      try {
        c.channel.close();
      } catch (IOException e) {
        // Closing a datagram channel cannot lose anything worth reporting.
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      // As above.
    }
  }
}
