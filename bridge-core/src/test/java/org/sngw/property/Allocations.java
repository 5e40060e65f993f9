package org.sngw.property;

import java.lang.management.ManagementFactory;

/**
 * Heap bytes the current thread allocates while it runs a piece of code: the way a fuzz test
 * checks that no allocation is sized by a length field it has not matched against the input.
 */
public final class Allocations {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Allocations() {}

  /**
   * Bytes allocated by {@code code}: run once first so class loading and JIT don't count, then the
   * lesser of two runs, so a one-off cost inside the JVM doesn't count either, while an allocation
   * the input asks for recurs every time.
   */
  public static long of(Runnable code) {
    code.run();
    return Math.min(measure(code), measure(code));
  }

  private static long measure(Runnable code) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    code.run();
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }
}
