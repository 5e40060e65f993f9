package org.sngw.app.simulate;

import java.io.PrintStream;
import java.util.List;

/**
 * The line per second a run prints while it loads: what the clients sent, had acknowledged and
 * lost, and what the subscribers received, each as a rate over the last second.
 */
final class LiveLine {
  private static final long SECOND = 1_000_000_000L;

  private final List<ClientLoop> loops;
  private final Subscribers subscribers;
  private final Schedule schedule;
  private final PrintStream out;
  private long sent;
  private long acked;
  private long received;
  private long lastNanos;

  LiveLine(List<ClientLoop> loops, Subscribers subscribers, Schedule schedule, PrintStream out) {
    this.loops = loops;
    this.subscribers = subscribers;
    this.schedule = schedule;
    this.out = out;
    this.lastNanos = schedule.warmupStart();
  }

  /** Prints a line each second until {@code endNanos}, on the {@link System#nanoTime} scale. */
  void printUntil(long endNanos) throws InterruptedException {
    while (endNanos - System.nanoTime() > 0) {
      long next = Math.min(endNanos, lastNanos + SECOND);
      long left;
      while ((left = next - System.nanoTime()) > 0) {
        Thread.sleep(Math.max(1, left / 1_000_000));
      }
      print(System.nanoTime());
    }
  }

  private void print(long now) {
    long sentNow = loops.stream().mapToLong(ClientLoop::sentSoFar).sum();
    long ackedNow = loops.stream().mapToLong(ClientLoop::ackedSoFar).sum();
    long failed = loops.stream().mapToLong(ClientLoop::failedSoFar).sum();
    long receivedNow = subscribers == null ? 0 : subscribers.received();
    double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
    out.printf("%5.0f s %-9s sent %,9.0f/s  acked %,9.0f/s  received %s  lost so far %,d%n",
        (now - schedule.warmupStart()) / 1e9, schedule.measuring(lastNanos + (now - lastNanos) / 2) ? "measuring" : "warm-up",
        (sentNow - sent) / seconds, (ackedNow - acked) / seconds,
        subscribers == null ? "-" : String.format("%,9.0f/s", (receivedNow - received) / seconds), failed);
    sent = sentNow;
    acked = ackedNow;
    received = receivedNow;
    lastNanos = now;
  }
}
