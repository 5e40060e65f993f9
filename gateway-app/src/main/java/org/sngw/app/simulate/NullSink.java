package org.sngw.app.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.DatagramChannel;
import java.util.Optional;
import org.sngw.sn.codec.ReturnCode;
import org.sngw.sn.codec.SnDecodeResult;
import org.sngw.sn.codec.SnDecoder;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.ConnAck;
import org.sngw.sn.codec.SnPacket.Connect;
import org.sngw.sn.codec.SnPacket.Disconnect;
import org.sngw.sn.codec.SnPacket.PingReq;
import org.sngw.sn.codec.SnPacket.PingResp;
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
 * The cheapest gateway there can be: one thread on a loopback UDP socket that acknowledges every
 * CONNECT, REGISTER and PUBLISH at once and routes nothing. Loading it measures the generator's
 * own ceiling, against which a real gateway's figures can be read.
 */
final class NullSink implements AutoCloseable {
  private final DatagramChannel channel;
  private final Thread thread;
  private final ByteBuffer in = ByteBuffer.allocateDirect(65_536);
  private final ByteBuffer out = ByteBuffer.allocateDirect(65_536);

  private NullSink(DatagramChannel channel) {
    this.channel = channel;
    this.thread = new Thread(this::answerAll, "simulate-null-sink");
    this.thread.setDaemon(true);
  }

  static NullSink start() throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    NullSink sink = new NullSink(channel);
    sink.thread.start();
    return sink;
  }

  InetSocketAddress address() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  private void answerAll() {
    try {
      while (true) {
        in.clear();
        SocketAddress from = channel.receive(in);
        in.flip();
        SnDecodeResult decoded = SnDecoder.decode(in);
        if (decoded instanceof SnPacket packet) {
          Optional<SnPacket> answer = answer(packet);
          if (answer.isPresent()) {
            out.clear();
            SnEncoder.encode(answer.get(), out);
            out.flip();
            channel.send(out, from);
          }
        }
      }
    } catch (AsynchronousCloseException e) {
      // closed: the run is over
    } catch (IOException e) {
      throw new UncheckedIOException("null sink stopped", e);
    }
  }

  static Optional<SnPacket> answer(SnPacket packet) {
    if (packet instanceof Connect) {
      return Optional.of(new ConnAck(ReturnCode.ACCEPTED));
    } else if (packet instanceof Register register) {
      return Optional.of(new RegAck(1, register.msgId(), ReturnCode.ACCEPTED));
    } else if (packet instanceof Publish publish && publish.qos() == SnQos.AT_LEAST_ONCE) {
      int topicId = publish.topic() instanceof SnTopic.Registered id ? id.id() : 0;
      return Optional.of(new PubAck(topicId, publish.msgId(), ReturnCode.ACCEPTED));
    } else if (packet instanceof Publish publish && publish.qos() == SnQos.EXACTLY_ONCE) {
      return Optional.of(new PubRec(publish.msgId()));
    } else if (packet instanceof PubRel release) {
      return Optional.of(new PubComp(release.msgId()));
    } else if (packet instanceof PingReq) {
      return Optional.of(new PingResp());
    } else if (packet instanceof Disconnect disconnect) {
      return Optional.of(disconnect);
    }
    return Optional.empty();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
