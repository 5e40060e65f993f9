package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnDecodeResult;
import org.sngw.sn.codec.SnDecoder;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.ConnAck;
import org.sngw.sn.codec.SnPacket.Connect;
import org.sngw.sn.codec.SnPacket.PubAck;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.RegAck;
import org.sngw.sn.codec.SnPacket.Register;
import org.sngw.sn.codec.SnPacket.SubAck;
import org.sngw.sn.codec.SnPacket.Subscribe;
import org.sngw.sn.codec.SnQos;
import org.sngw.sn.codec.SnTopic;

/** A sensor for integration tests: MQTT-SN over a real UDP socket on 127.0.0.1. */
final class SnTestClient implements AutoCloseable {
  private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(10);

  private final DatagramSocket socket;
  private final InetSocketAddress gateway;
  private int lastMsgId;
  private InetSocketAddress lastSender;

  SnTestClient(InetSocketAddress gateway) {
    this.gateway = gateway;
    try {
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      socket.setSoTimeout((int) RECEIVE_TIMEOUT.toMillis());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sensor that only listens, for what gateways broadcast; it has no gateway to send to. */
  static SnTestClient listener() {
    return new SnTestClient(null);
  }

  InetSocketAddress localAddress() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** Where the packet {@link #receive} returned last came from. */
  InetSocketAddress lastSender() {
    return lastSender;
  }

  void send(SnPacket packet) {
    ByteBuffer frame = SnEncoder.encode(packet);
    sendRaw(frame.array());
  }

  void sendRaw(byte[] bytes) {
    try {
      socket.send(new DatagramPacket(bytes, bytes.length, gateway));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next packet from the gateway; fails the test after the receive timeout. */
  SnPacket receive() {
    byte[] buffer = new byte[65_535];
    DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
    try {
      socket.receive(datagram);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no packet from the gateway in time");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lastSender = (InetSocketAddress) datagram.getSocketAddress();
    SnDecodeResult result = SnDecoder.decode(ByteBuffer.wrap(buffer, 0, datagram.getLength()));
    assertThat(result).as("what the gateway sent decodes").isInstanceOf(SnPacket.class);
    return (SnPacket) result;
  }

  /** The next packet, or empty when none arrives within {@code wait}. */
  Optional<SnPacket> poll(Duration wait) {
    try {
      socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
      return Optional.of(receive());
    } catch (AssertionError timedOut) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        socket.setSoTimeout((int) RECEIVE_TIMEOUT.toMillis());
      } catch (IOException e) {
        // The socket is closed; nothing more to receive anyway.
      }
    }
  }

  <T extends SnPacket> T receive(Class<T> type) {
    SnPacket packet = receive();
    assertThat(packet).isInstanceOf(type);
    return type.cast(packet);
  }

  /** True when nothing arrives within {@code quiet}. */
  boolean receivesNothingWithin(Duration quiet) throws IOException {
    socket.setSoTimeout((int) quiet.toMillis());
    try {
      socket.receive(new DatagramPacket(new byte[65_535], 65_535));
      return false;
    } catch (SocketTimeoutException expected) {
      return true;
    } finally {
      socket.setSoTimeout((int) RECEIVE_TIMEOUT.toMillis());
    }
  }

  void connect(String clientId, int keepAliveSeconds) {
    connect(clientId, keepAliveSeconds, true);
  }

  void connect(String clientId, int keepAliveSeconds, boolean cleanSession) {
    send(new Connect(false, cleanSession, keepAliveSeconds, clientId));
    assertThat(receive()).isEqualTo(new ConnAck(ReturnCode.ACCEPTED));
  }

  void connectWithWill(String clientId, int keepAliveSeconds, String willTopic, byte[] willMessage) {
    send(new Connect(true, true, keepAliveSeconds, clientId));
    receive(SnPacket.WillTopicReq.class);
    send(new SnPacket.WillTopic(SnQos.AT_MOST_ONCE, false, willTopic));
    receive(SnPacket.WillMsgReq.class);
    send(new SnPacket.WillMsg(willMessage));
    assertThat(receive()).isEqualTo(new ConnAck(ReturnCode.ACCEPTED));
  }

  int register(String topic) {
    send(new Register(0, nextMsgId(), topic));
    RegAck ack = receive(RegAck.class);
    assertThat(ack.returnCode()).isEqualTo(ReturnCode.ACCEPTED);
    return ack.topicId();
  }

  /** A QoS 1 PUBLISH to a registered topic id; returns once the gateway accepted it with PUBACK. */
  void publishQos1(int topicId, byte[] payload) {
    int msgId = nextMsgId();
    send(new Publish(false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Registered(topicId), msgId, payload));
    assertThat(receive()).isEqualTo(new PubAck(topicId, msgId, ReturnCode.ACCEPTED));
  }

  SubAck subscribe(SnTopic topic, SnQos qos) {
    send(new Subscribe(false, qos, nextMsgId(), topic));
    SubAck ack = receive(SubAck.class);
    assertThat(ack.returnCode()).isEqualTo(ReturnCode.ACCEPTED);
    return ack;
  }

  /** SUBSCRIBE; the SUBACK's return code, whatever it is. */
  ReturnCode trySubscribe(SnTopic topic, SnQos qos) {
    send(new Subscribe(false, qos, nextMsgId(), topic));
    return receive(SubAck.class).returnCode();
  }

  /** REGISTER, then a QoS 1 PUBLISH to the topic id; the PUBACK's return code, whatever it is. */
  ReturnCode registerAndPublish(String topic, byte[] payload) {
    int topicId = register(topic);
    int msgId = nextMsgId();
    send(new Publish(false, SnQos.AT_LEAST_ONCE, false, new SnTopic.Registered(topicId), msgId, payload));
    PubAck ack = receive(PubAck.class);
    assertThat(ack.msgId()).isEqualTo(msgId);
    return ack.returnCode();
  }

  int nextMsgId() {
    lastMsgId = lastMsgId % 0xFFFF + 1;
    return lastMsgId;
  }

  @Override
  public void close() {
    socket.close();
  }
}
