package org.sngw.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sngw.transport.TransportStats;

class SendQueueTest {
  private static final InetSocketAddress SENSOR = new InetSocketAddress("127.0.0.1", 40_001);

  private final FlushCounter flushes = new FlushCounter();
  private final EmbeddedChannel channel = new EmbeddedChannel(flushes);
  private final TransportStats stats = new TransportStats("udp", Optional.empty());

  @AfterEach
  void closeChannel() {
    channel.finishAndReleaseAll();
  }

  @Test
  void offer_burst_writesAllWithOneFlush() {
    SendQueue queue = new SendQueue(channel, 16, stats);

    queue.offer(SENSOR, frame(1));
    queue.offer(SENSOR, frame(2));
    queue.offer(SENSOR, frame(3));
    assertThat(channel.outboundMessages()).isEmpty();
    channel.runPendingTasks();

    assertThat(flushes.count).isEqualTo(1);
    assertThat(readFirstBytes(3)).containsExactly(1, 2, 3);
    assertThat(stats.sent().sum()).isEqualTo(3);
    assertThat(stats.dropped().sum()).isZero();
  }

  @Test
  void offer_afterADrain_schedulesAnotherFlush() {
    SendQueue queue = new SendQueue(channel, 16, stats);

    queue.offer(SENSOR, frame(1));
    channel.runPendingTasks();
    queue.offer(SENSOR, frame(2));
    channel.runPendingTasks();

    assertThat(flushes.count).isEqualTo(2);
    assertThat(readFirstBytes(2)).containsExactly(1, 2);
  }

  @Test
  void offer_whenChannelUnwritable_dropsAndCounts() {
    SendQueue queue = new SendQueue(channel, 16, stats);
    channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
    channel.write(Unpooled.wrappedBuffer(new byte[32]));
    assertThat(channel.isWritable()).isFalse();

    queue.offer(SENSOR, frame(1));

    assertThat(stats.dropped().sum()).isEqualTo(1);
    assertThat(channel.hasPendingTasks()).isFalse();
  }

  @Test
  void offer_beyondCapacity_dropsAndCountsTheExcess() {
    SendQueue queue = new SendQueue(channel, 2, stats);

    queue.offer(SENSOR, frame(1));
    queue.offer(SENSOR, frame(2));
    queue.offer(SENSOR, frame(3));
    channel.runPendingTasks();

    assertThat(readFirstBytes(2)).containsExactly(1, 2);
    assertThat(channel.outboundMessages()).isEmpty();
    assertThat(stats.dropped().sum()).isEqualTo(1);
  }

  @Test
  void drain_whenBufferPassesHighWaterMark_flushesAndSendsTheWholeBurst() {
    SendQueue queue = new SendQueue(channel, 16, stats);
    channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(16, 32));

    for (int i = 0; i < 10; i++) {
      queue.offer(SENSOR, ByteBuffer.wrap(new byte[] {(byte) i, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    }
    channel.runPendingTasks();

    assertThat(readFirstBytes(10)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(stats.dropped().sum()).isZero();
    assertThat(flushes.count).isGreaterThan(1);
  }

  private static ByteBuffer frame(int firstByte) {
    return ByteBuffer.wrap(new byte[] {(byte) firstByte, 0x18});
  }

  /** First byte of each of the next {@code n} datagrams written, checking they went to the sensor. */
  private int[] readFirstBytes(int n) {
    int[] firsts = new int[n];
    for (int i = 0; i < n; i++) {
      DatagramPacket packet = channel.readOutbound();
      assertThat(packet.recipient()).isEqualTo(SENSOR);
      firsts[i] = ByteBufUtil.getBytes(packet.content())[0];
      packet.release();
    }
    return firsts;
  }

  private static final class FlushCounter extends ChannelOutboundHandlerAdapter {
    int count;

    @Override
    public void flush(ChannelHandlerContext ctx) {
      count++;
      ctx.flush();
    }
  }
}
