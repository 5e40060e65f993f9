package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class ByteCounterTest {
  @Test
  void countsTheBytesReadAndWritten_andPassesThemOnUntouched() {
    LongAdder received = new LongAdder();
    LongAdder sent = new LongAdder();
    EmbeddedChannel channel = new EmbeddedChannel(new ByteCounter(received, sent));

    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x30, 0x02, 'a', 'b'}));
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xc0, 0x00}));
    channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xd0, 0x00}));

    assertThat(received.sum()).isEqualTo(6);
    assertThat(sent.sum()).isEqualTo(2);
    ByteBuf first = channel.readInbound();
    assertThat(first.readableBytes()).isEqualTo(4);
    first.release();
    channel.finishAndReleaseAll();
  }
}
