package org.sngw.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.sngw.transport.PeerAddress;
import org.sngw.transport.TransportListener;
import org.sngw.transport.TransportStats;
import org.sngw.transport.UdpPeer;

class FrameReceiverTest {
  private static final InetSocketAddress GATEWAY = new InetSocketAddress("127.0.0.1", 1884);
  private static final InetSocketAddress SENSOR = new InetSocketAddress("127.0.0.1", 40_001);

  private final TransportStats stats = new TransportStats("udp", Optional.empty());

  @Test
  void channelRead_datagram_reachesListenerWithSenderAndBytesThenIsReleased() {
    List<String> frames = new ArrayList<>();
    EmbeddedChannel channel = new EmbeddedChannel(new FrameReceiver(listener((from, frame) -> {
      byte[] bytes = new byte[frame.remaining()];
      frame.get(bytes);
      frames.add(from + " " + bytes.length + " bytes, type " + bytes[1]);
    }), stats));
    ByteBuf pingreq = Unpooled.wrappedBuffer(new byte[] {0x02, 0x16}); // length 2, PINGREQ

    channel.writeInbound(new DatagramPacket(pingreq, GATEWAY, SENSOR));

    assertThat(frames).containsExactly(new UdpPeer(SENSOR) + " 2 bytes, type 22");
    assertThat(pingreq.refCnt()).isZero();
    assertThat(stats.received().sum()).isEqualTo(1);
  }

  @Test
  void channelRead_whenListenerThrows_countsAndKeepsReceiving() {
    List<Byte> firsts = new ArrayList<>();
    EmbeddedChannel channel = new EmbeddedChannel(new FrameReceiver(listener((from, frame) -> {
      if (frame.get(0) == 0) {
        throw new IllegalStateException("listener bug");
      }
      firsts.add(frame.get(0));
    }), stats));
    ByteBuf bad = Unpooled.wrappedBuffer(new byte[] {0});

    channel.writeInbound(new DatagramPacket(bad, GATEWAY, SENSOR));
    channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(new byte[] {7}), GATEWAY, SENSOR));

    assertThat(firsts).containsExactly((byte) 7);
    assertThat(bad.refCnt()).isZero();
    assertThat(channel.isOpen()).isTrue();
    assertThat(stats.listenerErrors().sum()).isEqualTo(1);
    assertThat(stats.received().sum()).isEqualTo(2);
  }

  private static TransportListener listener(BiConsumer<PeerAddress, ByteBuffer> frames) {
    return new TransportListener() {
      @Override
      public void onFrame(PeerAddress from, ByteBuffer frame) {
        frames.accept(from, frame);
      }

      @Override
      public void onPeerLost(PeerAddress peer) {}
    };
  }
}
