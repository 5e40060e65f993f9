package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** A plain socket speaking hand-built MQTT bytes, to send what no well-behaved client would. */
final class RawClient implements AutoCloseable {
  private static final int READ_TIMEOUT_MILLIS = 5000;

  private final Socket socket = new Socket();
  private final InputStream in;

  RawClient(InetSocketAddress server) {
    try {
      socket.connect(server, READ_TIMEOUT_MILLIS);
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      in = socket.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Connects with MQTT 3.1.1 and checks for an accepted CONNACK without session present. */
  static RawClient connected(InetSocketAddress server, String clientId, int keepAliveSeconds) {
    RawClient client = new RawClient(server);
    client.send(connect("MQTT", 4, clientId, true, keepAliveSeconds));
    client.expect(0x20, 0x02, 0x00, 0x00);
    return client;
  }

  void send(byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads exactly as many bytes as given and compares them. */
  void expect(int... expected) {
    byte[] want = new byte[expected.length];
    for (int i = 0; i < expected.length; i++) {
      want[i] = (byte) expected[i];
    }
    try {
      byte[] got = in.readNBytes(want.length);
      assertThat(HexFormat.ofDelimiter(" ").formatHex(got)).isEqualTo(HexFormat.ofDelimiter(" ").formatHex(want));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the rest of a packet whose first byte was read: its remaining length (one byte), then that many. */
  byte[] readRest() {
    try {
      int length = in.read();
      byte[] body = in.readNBytes(length);
      assertThat(body).hasSize(length);
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Blocks until the server closes the connection; fails if it stays open for the read timeout. */
  void awaitClosedByServer() {
    try {
      assertThat(in.read()).as("byte read instead of end of stream").isEqualTo(-1);
    } catch (SocketException reset) {
      // a reset is a close too: the server dropped bytes it did not read
    } catch (IOException e) {
      throw new AssertionError("connection still open after " + READ_TIMEOUT_MILLIS + " ms", e);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** CONNECT: protocol name and level, connect flags (clean session only), keep-alive, client id. */
  static byte[] connect(String protocolName, int level, String clientId, boolean clean, int keepAliveSeconds) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    writeString(body, protocolName);
    body.write(level);
    body.write(clean ? 0x02 : 0x00);
    body.write(keepAliveSeconds >> 8);
    body.write(keepAliveSeconds & 0xFF);
    writeString(body, clientId);
    return packet(0x10, body);
  }

  /** A client connected with MQTT 5's CONNECT (clean start, no properties), past its CONNACK. */
  static RawClient connected5(InetSocketAddress server, String clientId) {
    RawClient client = new RawClient(server);
    client.send(connect5(clientId, true));
    client.expect(0x20);
    client.readRest();
    return client;
  }

  /** MQTT 5's CONNECT: as {@link #connect}, at level 5, with the given encoded properties (under 128 bytes). */
  static byte[] connect5(String clientId, boolean cleanStart, byte... properties) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    writeString(body, "MQTT");
    body.write(5);
    body.write(cleanStart ? 0x02 : 0x00);
    body.write(0);
    body.write(0);
    body.write(properties.length);
    body.writeBytes(properties);
    writeString(body, clientId);
    return packet(0x10, body);
  }

  /** PUBLISH at QoS 0: topic name, then the payload up to the end. */
  static byte[] publish(String topic, String payload) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    writeString(body, topic);
    body.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
    return packet(0x30, body);
  }

  /** SUBSCRIBE (fixed header flags 0010): packet id, then filter and requested QoS pairs. */
  static byte[] subscribe(int packetId, String filter, int qos, String otherFilter, int otherQos) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(packetId >> 8);
    body.write(packetId & 0xFF);
    writeString(body, filter);
    body.write(qos);
    writeString(body, otherFilter);
    body.write(otherQos);
    return packet(0x82, body);
  }

  /** UNSUBSCRIBE (fixed header flags 0010): packet id, then one filter. */
  static byte[] unsubscribe(int packetId, String filter) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(packetId >> 8);
    body.write(packetId & 0xFF);
    writeString(body, filter);
    return packet(0xA2, body);
  }

  static byte[] pingReq() {
    return new byte[] {(byte) 0xC0, 0x00};
  }

  private static void writeString(ByteArrayOutputStream out, String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.write(utf8.length >> 8);
    out.write(utf8.length & 0xFF);
    out.writeBytes(utf8);
  }

  /** Fixed header byte, remaining length (one byte: test packets stay under 128), body. */
  private static byte[] packet(int firstByte, ByteArrayOutputStream body) {
    assertThat(body.size()).isLessThan(128);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(firstByte);
    out.write(body.size());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }
}
