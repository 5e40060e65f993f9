package org.sngw.app.simulate;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal MQTT 3.1.1 subscriber on a plain socket: CONNECT, one SUBSCRIBE, then a reader thread
 * that counts and acknowledges every PUBLISH. Enough to see what reaches a real MQTT client,
 * without bringing a client library into the project.
 */
public final class MqttSubscriber implements AutoCloseable {
  private static final int CONNECT = 0x10;
  private static final int CONNACK = 0x20;
  private static final int PUBLISH = 0x30;
  private static final int PUBACK = 0x40;
  private static final int PUBREC = 0x50;
  private static final int PUBREL = 0x62;
  private static final int PUBCOMP = 0x70;
  private static final int SUBSCRIBE = 0x82;
  private static final int SUBACK = 0x90;
  private static final int DISCONNECT = 0xE0;
  private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  private final InetSocketAddress broker;
  private final String clientId;
  private final boolean cleanSession;
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final Thread reader;
  private final AtomicLong received = new AtomicLong();
  private volatile long lastArrivalNanos = System.nanoTime();
  // Written by the reader thread only; read after it has ended.
  private final Map<Integer, BitSet> seen = new HashMap<>();
  private final LatencyHistogram deliveryLatencies = new LatencyHistogram();
  private long duplicates;
  private long foreign;
  private volatile IOException readFailure;
  private boolean closed;

  private MqttSubscriber(InetSocketAddress broker, String clientId, boolean cleanSession) throws IOException {
    this.broker = broker;
    this.clientId = clientId;
    this.cleanSession = cleanSession;
    this.socket = open(broker);
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 65_536));
    this.out = new BufferedOutputStream(socket.getOutputStream(), 8_192);
    this.reader = new Thread(this::readLoop, "simulate-mqtt-sub");
  }

  /** Connects, subscribes {@code filter} at {@code qos} and starts counting. */
  public static MqttSubscriber start(InetSocketAddress broker, String clientId, boolean cleanSession, String filter,
      int qos) throws IOException {
    MqttSubscriber subscriber = new MqttSubscriber(broker, clientId, cleanSession);
    try {
      subscriber.handshake(filter, qos);
    } catch (IOException | RuntimeException e) {
      subscriber.socket.close();
      throw e;
    }
    subscriber.reader.start();
    return subscriber;
  }

  Thread thread() {
    return reader;
  }

  public long received() {
    return received.get();
  }

  /** Waits until nothing has arrived for {@code quiet}, at most {@code limit}. */
  public void awaitQuiet(Duration quiet, Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() - end < 0 && System.nanoTime() - lastArrivalNanos < quiet.toNanos()) {
      Thread.sleep(50);
    }
  }

  /** Distinct (client, sequence) pairs received; valid after {@link #close}. */
  public long distinct() {
    return seen.values().stream().mapToLong(BitSet::cardinality).sum();
  }

  /** How many of the messages in {@code range} arrived here; valid after {@link #close}. */
  long distinctWithin(SentRange range) {
    BitSet bits = seen.get(range.clientIndex());
    return bits == null ? 0 : bits.get((int) range.first(), (int) range.last() + 1).cardinality();
  }

  /** From PUBLISH sent by a client to PUBLISH read here, for each message received; valid after {@link #close}. */
  LatencyHistogram deliveryLatencies() {
    return deliveryLatencies;
  }

  public long duplicates() {
    return duplicates;
  }

  /** PUBLISHes whose payload was not a simulated one (another client's traffic). */
  long foreign() {
    return foreign;
  }

  IOException readFailure() {
    return readFailure;
  }

  /** Disconnects; a persistent session is then taken over by a clean one, so none is left behind. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (closed) {
      return;
    }
    closed = true;
    synchronized (out) {
      out.write(DISCONNECT);
      out.write(0);
      out.flush();
    }
    reader.join(5_000);
    socket.close();
    reader.join();
    if (!cleanSession) {
      try (Socket cleaner = open(broker)) {
        OutputStream cleanerOut = cleaner.getOutputStream();
        cleanerOut.write(connectPacket(clientId, true));
        DataInputStream cleanerIn = new DataInputStream(cleaner.getInputStream());
        expectConnAck(cleanerIn);
        cleanerOut.write(new byte[] {(byte) DISCONNECT, 0});
      }
    }
  }

  private static Socket open(InetSocketAddress broker) throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
    socket.connect(broker, HANDSHAKE_TIMEOUT_MILLIS);
    return socket;
  }

  private void handshake(String filter, int qos) throws IOException {
    out.write(connectPacket(clientId, cleanSession));
    out.flush();
    expectConnAck(in);
    byte[] topic = filter.getBytes(StandardCharsets.UTF_8);
    ByteBuffer body = ByteBuffer.allocate(2 + 2 + topic.length + 1);
    body.putShort((short) 1).putShort((short) topic.length).put(topic).put((byte) qos);
    writePacket(SUBSCRIBE, body.array());
    out.flush();
    int type = in.readUnsignedByte();
    byte[] subAck = new byte[readRemainingLength()];
    in.readFully(subAck);
    if (type != SUBACK || subAck.length < 3 || (subAck[2] & 0x80) != 0) {
      throw new IOException("SUBSCRIBE " + filter + " refused");
    }
    socket.setSoTimeout(0);
  }

  private static byte[] connectPacket(String clientId, boolean cleanSession) {
    byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
    // Protocol name "MQTT", level 4, flags, keep-alive 0 (off: no PINGREQ during a run), client id.
    ByteBuffer body = ByteBuffer.allocate(10 + 2 + id.length);
    body.putShort((short) 4).put("MQTT".getBytes(StandardCharsets.US_ASCII)).put((byte) 4)
        .put((byte) (cleanSession ? 0x02 : 0x00)).putShort((short) 0)
        .putShort((short) id.length).put(id);
    ByteBuffer packet = ByteBuffer.allocate(5 + body.capacity());
    packet.put((byte) CONNECT);
    putRemainingLength(packet, body.capacity());
    packet.put(body.array());
    return Arrays.copyOf(packet.array(), packet.position());
  }

  private static void expectConnAck(DataInputStream in) throws IOException {
    byte[] connAck = new byte[4];
    in.readFully(connAck);
    if ((connAck[0] & 0xFF) != CONNACK || connAck[3] != 0) {
      throw new IOException("CONNECT refused: return code " + connAck[3]);
    }
  }

  private void readLoop() {
    try {
      while (true) {
        int header = in.readUnsignedByte();
        byte[] body = new byte[readRemainingLength()];
        in.readFully(body);
        onPacket(header, ByteBuffer.wrap(body));
        if (in.available() == 0) {
          synchronized (out) {
            out.flush();
          }
        }
      }
    } catch (EOFException | SocketException closed) {
      // The broker or close() ended the connection.
    } catch (IOException e) {
      readFailure = e;
    }
  }

  private void onPacket(int header, ByteBuffer body) throws IOException {
    int type = header & 0xF0;
    if (type == PUBLISH) {
      int qos = (header >> 1) & 0x03;
      int topicLength = body.getShort() & 0xFFFF;
      body.position(body.position() + topicLength);
      int packetId = qos > 0 ? body.getShort() & 0xFFFF : 0;
      count(body);
      if (qos == 1) {
        reply(PUBACK, packetId);
      } else if (qos == 2) {
        reply(PUBREC, packetId);
      }
    } else if (header == PUBREL) {
      reply(PUBCOMP, body.getShort() & 0xFFFF);
    }
  }

  private void count(ByteBuffer payload) {
    long now = System.nanoTime();
    lastArrivalNanos = now;
    received.incrementAndGet();
    if (payload.remaining() < Payload.MIN_BYTES) {
      foreign++;
      return;
    }
    long sequence = Payload.sequence(payload);
    if (sequence < 0 || sequence > Integer.MAX_VALUE) {
      foreign++;
      return;
    }
    deliveryLatencies.record(now - Payload.sentNanos(payload));
    BitSet bits = seen.computeIfAbsent(Payload.clientIndex(payload), i -> new BitSet());
    if (bits.get((int) sequence)) {
      duplicates++;
    }
    bits.set((int) sequence);
  }

  private void reply(int type, int packetId) throws IOException {
    synchronized (out) {
      out.write(type);
      out.write(2);
      out.write(packetId >> 8);
      out.write(packetId & 0xFF);
    }
  }

  private void writePacket(int type, byte[] body) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(5);
    header.put((byte) type);
    putRemainingLength(header, body.length);
    synchronized (out) {
      out.write(header.array(), 0, header.position());
      out.write(body);
    }
  }

  private int readRemainingLength() throws IOException {
    int value = 0;
    for (int shift = 0; shift <= 21; shift += 7) {
      int digit = in.readUnsignedByte();
      value |= (digit & 0x7F) << shift;
      if ((digit & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("remaining length over 4 bytes");
  }

  private static void putRemainingLength(ByteBuffer out, int length) {
    int rest = length;
    do {
      int digit = rest & 0x7F;
      rest >>>= 7;
      out.put((byte) (rest > 0 ? digit | 0x80 : digit));
    } while (rest > 0);
  }
}
