package org.sngw.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.sngw.sn.codec.SnQos;

/** Prints one run's figures, one labelled line per aspect, so rows can be pasted into RESULTS.md. */
final class Report {
  /**
   * What the MQTT subscriber saw.
   *
   * @param inWindow PUBLISHes that arrived while measuring
   * @param total PUBLISHes that arrived in the whole run
   * @param distinct different (client, sequence) pairs among them
   */
  record Delivery(long inWindow, long total, long distinct, long duplicates, long foreign, IOException failure) {}

  private final LoadPlan plan;
  private final GatewayTarget target;
  private final PrintStream out;

  Report(LoadPlan plan, GatewayTarget target, PrintStream out) {
    this.plan = plan;
    this.target = target;
    this.out = out;
  }

  void print(LoopStats s, Delivery delivery, CpuMeter.Sample cpuStart, CpuMeter.Sample cpuEnd,
      Optional<Long> overloadDrops, OptionalLong kernelDrops, int generatorThreads) {
    int cores = Runtime.getRuntime().availableProcessors();
    line("run", "%s, %,d MQTT-SN clients, QoS %d, %s, %d-byte payloads, %d generator thread%s",
        LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19), plan.clients(),
        plan.qos().level(), plan.isBurst() ? "unpaced burst" : pacing(), plan.payloadBytes(), generatorThreads,
        generatorThreads == 1 ? "" : "s");
    line("gateway", target.inProcess()
        ? String.format("in this JVM (%s) at udp %s, mqtt %s; it shares %s with the generator",
            plan.inMemory() ? "store off: --in-memory" : "store config: persistent", address(target.udp()),
            target.mqtt().map(Report::address).orElse("-"), cores(cores))
        : String.format("running elsewhere at udp %s (its CPU is not measured here); this JVM has %s",
            address(target.udp()), cores(cores)));
    if (plan.isBurst()) {
      printBurst(s, delivery);
    } else {
      printLoad(s, delivery);
    }
    printCpu(cpuStart, cpuEnd, cores);
    line("drops", "gateway core overloaded: %s; kernel UDP receive buffers, whole machine: %s",
        overloadDrops.map(d -> String.format("%,d", d)).orElse("n/a (not in this JVM)"),
        kernelDrops.isPresent() ? String.format("%,d", kernelDrops.getAsLong()) : "n/a");
  }

  private String pacing() {
    String window = "window " + plan.window();
    return plan.rate() > 0 ? String.format("%s, paced at %,.0f msg/s", window, plan.rate()) : window;
  }

  private void printLoad(LoopStats s, Delivery delivery) {
    double seconds = plan.duration().toNanos() / 1e9;
    if (plan.qos() == SnQos.AT_MOST_ONCE) {
      line("sent", "%,.0f msg/s (%,d QoS 0 PUBLISHes in %.1f s; no ack, so no latency)",
          s.sentMeasured / seconds, s.sentMeasured, seconds);
    } else {
      line("acked", "%,.0f msg/s (%,d %s read in %.1f s, after %d s of warm-up)",
          s.ackedMeasured / seconds, s.ackedMeasured, plan.qos() == SnQos.EXACTLY_ONCE ? "PUBCOMPs" : "PUBACKs",
          seconds, plan.warmup().toSeconds());
      line("latency", "p50 %s  p90 %s  p99 %s  max %s ms (PUBLISH written to ack read, same thread)",
          millis(s.latencies.percentile(50)), millis(s.latencies.percentile(90)),
          millis(s.latencies.percentile(99)), millis(s.latencies.max()));
    }
    line("errors", "timeouts %,d, rejected (congestion) %,d, late acks %,d, unexpected %,d, malformed %,d, "
        + "send failures %,d, receive errors %,d, disconnected clients %,d",
        s.timeouts, s.rejected, s.lateAcks, s.unexpected, s.malformed, s.sendFailures, s.receiveErrors, s.disconnects);
    if (delivery != null) {
      line("subscriber", "%s, QoS %d on '%s': %,.0f msg/s while measuring; in the whole run %,d received, "
          + "%,d distinct of %,d sent, %,d duplicates%s",
          plan.subscriber().name().toLowerCase(Locale.ROOT), plan.subscriberQos(), plan.subscriberFilter(),
          delivery.inWindow() / seconds, delivery.total(), delivery.distinct(), s.sent, delivery.duplicates(),
          extras(delivery));
    }
  }

  private void printBurst(LoopStats s, Delivery delivery) {
    line("burst", "%,d QoS 0 PUBLISHes from %,d clients written in %.3f s (%,.0f/s); "
        + "the kernel refused %,d writes for a full buffer (retried)",
        s.sent, plan.clients(), s.burstNanos / 1e9, s.sent / Math.max(1e-9, s.burstNanos / 1e9), s.sendFailures);
    long lost = s.sent - delivery.distinct();
    line("subscriber", "%,d distinct received (%.1f %%), %,d lost (%.1f %%), %,d duplicates%s",
        delivery.distinct(), percent(delivery.distinct(), s.sent), lost, percent(lost, s.sent),
        delivery.duplicates(), extras(delivery));
  }

  private void printCpu(CpuMeter.Sample start, CpuMeter.Sample end, int cores) {
    double wall = Math.max(1, end.wallNanos() - start.wallNanos());
    double generator = (end.generatorNanos() - start.generatorNanos()) / wall;
    double subscriber = (end.subscriberNanos() - start.subscriberNanos()) / wall;
    double process = (end.processNanos() - start.processNanos()) / wall;
    String rest = target.inProcess()
        ? String.format(", rest of this JVM %.2f (the gateway, GC, JIT)", process - generator - subscriber)
        : String.format(", this JVM in all %.2f", process);
    line("cpu", "generator %.2f cores, subscriber %.2f%s, of %s, while %s",
        generator, subscriber, rest, cores(cores), plan.isBurst() ? "bursting" : "measuring");
  }

  private static String extras(Delivery d) {
    String foreign = d.foreign() > 0 ? String.format(", %,d from other publishers", d.foreign()) : "";
    return foreign + (d.failure() != null ? "; connection failed: " + d.failure().getMessage() : "");
  }

  private static String cores(int n) {
    return n == 1 ? "1 core" : n + " cores";
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  private static String millis(long nanos) {
    return String.format("%.2f", nanos / 1e6);
  }

  private static String address(InetSocketAddress a) {
    return a.getAddress().getHostAddress() + ":" + a.getPort();
  }

  private void line(String label, String format, Object... args) {
    out.printf("%-11s %s%n", label + ":", String.format(format, args));
  }
}
