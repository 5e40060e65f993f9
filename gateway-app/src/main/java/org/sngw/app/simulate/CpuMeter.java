package org.sngw.app.simulate;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * CPU time of the generator's own threads and of the whole JVM, so a report can say how much of
 * the machine the load itself took. In-process, the rest of the JVM is the gateway plus GC and JIT.
 */
final class CpuMeter {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  record Sample(long wallNanos, long generatorNanos, long subscriberNanos, long processNanos) {}

  /** Samples while the generator threads are alive. */
  Sample sample(List<Thread> generator, List<Thread> subscribers) {
    return sample(cpuNanos(generator), subscribers);
  }

  /** Samples with the generator's CPU time as its threads reported it when they ended. */
  Sample sample(long generatorNanos, List<Thread> subscribers) {
    return new Sample(System.nanoTime(), generatorNanos, cpuNanos(subscribers), os.getProcessCpuTime());
  }

  private long cpuNanos(List<Thread> alive) {
    long total = 0;
    for (Thread t : alive) {
      total += Math.max(0, threads.getThreadCpuTime(t.getId()));
    }
    return total;
  }
}
