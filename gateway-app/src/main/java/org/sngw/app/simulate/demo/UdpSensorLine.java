package org.sngw.app.simulate.demo;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import org.sngw.sn.codec.SnDecoder;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnPacket;

/** A sensor's own UDP socket, sending to the gateway's address only. */
final class UdpSensorLine implements SensorLine {
  private final DatagramSocket socket;
  private final byte[] buffer = new byte[2048];

  UdpSensorLine(InetSocketAddress gateway) throws IOException {
    socket = new DatagramSocket();
    socket.connect(gateway);
  }

  @Override
  public void send(SnPacket packet) throws IOException {
    ByteBuffer frame = SnEncoder.encode(packet);
    socket.send(new DatagramPacket(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining()));
  }

  @Override
  public Optional<SnPacket> receive(Duration wait) throws IOException {
    socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
    DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
    try {
      socket.receive(datagram);
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    }
    return SnDecoder.decode(ByteBuffer.wrap(buffer, 0, datagram.getLength())) instanceof SnPacket packet
        ? Optional.of(packet) : Optional.empty();
  }

  @Override
  public String name() {
    return "udp";
  }

  @Override
  public void close() {
    socket.close();
  }
}
