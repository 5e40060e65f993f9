package org.sngw.runtime;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * The buffers of every Netty channel of the gateway: Netty's pooled allocator, not the adaptive one
 * Netty 4.2 uses by default.
 *
 * <p>Each UDP read takes a buffer of the largest datagram (64 KiB, so none is truncated) for a few
 * microseconds. With that pattern the adaptive allocator kept making new zeroed chunks (perf: 5.6 %
 * of the gateway's CPU in memset under {@code AdaptiveByteBufAllocator.newDirectBuffer}), and the
 * 100-client run delivered 35 % less than with this one at the same resident memory (bench/RESULTS.md,
 * "The pooled allocator").
 */
public final class BufferPool {
  /** Pages of 8 KiB, chunks of 8 KiB << 7 = 1 MiB: a 64 KiB read buffer is a pooled size. */
  private static final int PAGE_SIZE = 8192;
  private static final int MAX_ORDER = 7;

  /**
   * Direct buffers only (sockets read and write them without a copy), one arena per I/O thread;
   * heap buffers, rarely asked for, are left to the garbage collector.
   */
  public static final ByteBufAllocator ALLOCATOR = new PooledByteBufAllocator(
      true, 0, Math.max(1, Runtime.getRuntime().availableProcessors()), PAGE_SIZE, MAX_ORDER);

  private BufferPool() {}
}
