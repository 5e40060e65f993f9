package org.sngw.bench.hotpath;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sngw.sn.codec.SnDecodeResult;
import org.sngw.sn.codec.SnDecoder;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnPacket;

/**
 * The MQTT-SN codec alone, for the packets of a telemetry sensor's session: {@link #decode} is what
 * the gateway's listener does with every datagram, on the transport's thread; {@link
 * #encodeNewBuffer} is what it does with every packet it sends, one new heap buffer each; {@link
 * #encodeIntoReusedBuffer} is the same writing without that allocation, to tell the two costs apart.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class CodecBenchmark {
  /** The packets of the hot path: the reading, its acknowledgement, and the session's start. */
  public enum Kind {
    PUBLISH {
      @Override
      SnPacket packet() {
        return HotPathPackets.publish(1, 4242);
      }
    },
    PUBACK {
      @Override
      SnPacket packet() {
        return HotPathPackets.pubAck(1, 4242);
      }
    },
    CONNECT {
      @Override
      SnPacket packet() {
        return HotPathPackets.connect("sensor-0042");
      }
    };

    abstract SnPacket packet();
  }

  @Param
  public Kind kind;

  private SnPacket packet;
  private ByteBuffer frame;
  private ByteBuffer reused;

  @Setup
  public void prepare() {
    packet = kind.packet();
    frame = HotPathPackets.frame(packet);
    reused = ByteBuffer.allocate(frame.remaining());
  }

  /** Reads with absolute gets: the frame stays as it is for the next call. */
  @Benchmark
  public SnDecodeResult decode() {
    return SnDecoder.decode(frame);
  }

  @Benchmark
  public ByteBuffer encodeNewBuffer() {
    return SnEncoder.encode(packet);
  }

  @Benchmark
  public ByteBuffer encodeIntoReusedBuffer() {
    reused.clear();
    SnEncoder.encode(packet, reused);
    return reused;
  }
}
